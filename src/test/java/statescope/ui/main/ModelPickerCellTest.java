package statescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import statescope.ui.session.ModelChoice;

/** A picker cut short (compare mode, presentation mode) still shows the model's name: it comes first. */
class ModelPickerCellTest {

    @Test
    void theNameComesFirst() {
        assertEquals("parity-signed · trained", ModelChoice.nameFirst("trained · parity-signed"));
        assertEquals("d-12 · constructed", ModelChoice.nameFirst("constructed · d-12"));
        assertEquals("random init · 1 layer · d_model 16 · gates [-1,1]",
                ModelChoice.nameFirst("random init · 1 layer · d_model 16 · gates [-1,1]"), "settings stay in order");
        assertEquals("oracle", ModelChoice.nameFirst("oracle"));
    }
}

package statescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A picker cut short (compare mode, presentation mode) still shows the model's name: it comes first. */
class ModelPickerCellTest {

    @Test
    void theNameComesFirst() {
        assertEquals("parity-signed · trained", ModelPickerCell.nameFirst("trained · parity-signed"));
        assertEquals("d-12 · constructed", ModelPickerCell.nameFirst("constructed · d-12"));
        assertEquals("random init · 1 layer · d_model 16 · gates [-1,1]",
                ModelPickerCell.nameFirst("random init · 1 layer · d_model 16 · gates [-1,1]"), "settings stay in order");
        assertEquals("oracle", ModelPickerCell.nameFirst("oracle"));
    }
}

package statescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.StateScopeApp;

/**
 * The UI scale: steps within 0.75..2.5, kept in the store between runs, the stylesheet scaled. The scale
 * is global and the windows of other test classes in this JVM may still listen to it (a chart redrawn on
 * a timer), so every change runs on the FX thread, as the app's own key handlers make it.
 */
class UiScaleTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void onFx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(30_000, r);
    }

    @AfterEach
    void backToOne() {
        onFx(() -> new UiScale(UiScale.Store.memory(), StateScopeApp.STYLESHEET).set(1.0, false));
    }

    @Test
    void stepsStayInRangeAndArePersisted() {
        onFx(UiScaleTest::steps);
    }

    private static void steps() {
        var store = UiScale.Store.memory();
        var scale = new UiScale(store, StateScopeApp.STYLESHEET);
        assertEquals(1.0, UiScale.factor(), "no stored scale: 1");
        for (int i = 0; i < 20; i++) {
            scale.larger();
        }
        assertEquals(UiScale.MAX, UiScale.factor());
        for (int i = 0; i < 40; i++) {
            scale.smaller();
        }
        assertEquals(UiScale.MIN, UiScale.factor());
        scale.larger();
        scale.larger();
        assertEquals(1.0, UiScale.factor());
        scale.larger();
        assertEquals(1.1, store.load().orElseThrow(), 1e-12, "Ctrl+= saves");
        var nextRun = new UiScale(store, StateScopeApp.STYLESHEET);
        assertEquals(1.1, UiScale.factor(), 1e-12, "the next run starts at the saved scale");
        nextRun.set(2.0, false);
        assertEquals(1.1, store.load().orElseThrow(), 1e-12, "presentation mode's scale is not saved");
        assertEquals(1.1, nextRun.saved(), 1e-12);
        nextRun.reset();
        assertEquals(1.0, store.load().orElseThrow());
    }

    @Test
    void theRoomHoldsTheFactorBackAndTheChosenScaleWaits() {
        onFx(() -> {
            var store = UiScale.Store.memory();
            var scale = new UiScale(store, StateScopeApp.STYLESHEET);
            scale.set(2.0, true);
            scale.setRoom(1.25);
            assertEquals(1.25, UiScale.factor(), 1e-9, "held to the room");
            assertEquals(2.0, scale.wanted(), 1e-9);
            scale.larger();
            assertEquals(2.25, scale.wanted(), 1e-9, "Ctrl+= steps from the chosen scale");
            assertEquals(2.25, store.load().orElseThrow(), 1e-9, "and saves it");
            assertEquals(1.25, UiScale.factor(), 1e-9);
            scale.smaller();
            assertEquals(1.1, UiScale.factor(), 1e-9, "Ctrl+- steps down from what is shown, not from 2.25");
            scale.set(2.0, false);
            scale.setRoom(3.0);
            assertEquals(2.0, UiScale.factor(), 1e-9, "a larger window shows the chosen scale");
            scale.setRoom(0.1);
            assertEquals(UiScale.MIN, UiScale.factor(), 1e-9, "never below the smallest scale");
            scale.setRoom(Double.NaN);
            assertEquals(2.0, UiScale.factor(), 1e-9);
        });
    }

    @Test
    void aStoredScaleOutOfRangeIsClamped() {
        onFx(UiScaleTest::clamped);
    }

    private static void clamped() {
        var store = UiScale.Store.memory();
        store.save(9);
        new UiScale(store, StateScopeApp.STYLESHEET);
        assertEquals(UiScale.MAX, UiScale.factor());
        store.save(Double.NaN);
        new UiScale(store, StateScopeApp.STYLESHEET);
        assertEquals(1.0, UiScale.factor());
    }

    @Test
    void theStylesheetHasEveryPixelLengthScaled() {
        var made = new String[1];
        onFx(() -> {
            var scale = new UiScale(UiScale.Store.memory(), StateScopeApp.STYLESHEET);
            scale.set(2.0, false);
            made[0] = scale.stylesheet();
        });
        String url = made[0];
        assertTrue(url.startsWith("data:text/css;base64,"));
        String css = new String(Base64.getDecoder().decode(url.substring("data:text/css;base64,".length())),
                StandardCharsets.UTF_8);
        assertTrue(css.startsWith(".root { -fx-font-size: 28.00px; }"), css.substring(0, 60));
        assertTrue(css.contains(".main-window {\n    -fx-font-size: 28.00px;"), "14px doubled");
        assertTrue(css.contains("-fx-font-size: 34.00px"), "the chips' 17px doubled");
        assertTrue(!css.matches("(?s).*[^.0-9]14px.*"), "no length left unscaled");
    }
}

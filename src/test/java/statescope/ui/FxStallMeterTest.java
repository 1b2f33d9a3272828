package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark's FX-thread stall meter: its figures by hand, and a stall it must see. */
class FxStallMeterTest {

    private static long[] ms(double... v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) (v[i] * 1e6);
        }
        return out;
    }

    @Test
    void figuresOfFourPingsByHand() {
        // posted every 5 ms; the third and fourth wait behind a stall that ends at 130 ms
        var s = FxStallMeter.summarise(ms(0, 5, 10, 15), ms(1, 6, 130, 131), ms(0, 1, 41, 42), ms(0, 0, 30, 30));
        assertEquals(4, s.pings());
        assertEquals(1.0, s.p50(), 1e-9, "latencies 1, 1, 116, 120: the 2nd of 4");
        assertEquals(120.0, s.p99(), 1e-9, "nearest rank: the 4th of 4");
        assertEquals(120.0, s.max(), 1e-9);
        assertEquals(2, s.over100());
        assertEquals(124.0, s.maxRunGap(), 1e-9, "6 ms to 130 ms");
        assertEquals(5.0, s.maxPostGap(), 1e-9);
        assertEquals(40.0, s.maxCpuBetween(), 1e-9);
        assertEquals(30.0, s.maxRenderCpuBetween(), 1e-9);
    }

    @Test
    void aBlockedThreadShowsAsAStall() throws Exception {
        var fx = Executors.newSingleThreadExecutor();                  // stands in for the FX thread
        try (var meter = new FxStallMeter(5, 10_000, fx::execute, 0)) {
            meter.start();
            Thread.sleep(100);
            long from = FxStallMeter.now();
            Thread.sleep(30);                                          // a few pings run normally first
            int before = meter.posted();
            fx.execute(() -> {                                          // the pings posted meanwhile wait behind it
                try {
                    while (meter.posted() < before + 3) {
                        Thread.sleep(1);
                    }
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(400);
            var s = meter.stats(from, FxStallMeter.now());
            assertTrue(s.max() >= 150, "the first ping after the blocker waited the whole 150 ms: " + s.max());
            assertTrue(s.over100() >= 1);
            assertTrue(s.maxRunGap() >= 150 - 10, "no ping ran during the stall: " + s.maxRunGap());
        } finally {
            fx.shutdownNow();
            fx.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}

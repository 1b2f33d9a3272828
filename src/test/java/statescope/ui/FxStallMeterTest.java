package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
            awaitPosted(meter, 20);                                    // the meter runs normally for a while
            long from = FxStallMeter.now();
            awaitPosted(meter, meter.posted() + 6);                    // a few pings inside the window run normally
            int before = meter.posted();
            var stallEnded = new CountDownLatch(1);
            fx.execute(() -> {                                          // the pings posted meanwhile wait behind it
                try {
                    awaitPosted(meter, before + 3);
                    Thread.sleep(150);                                 // the stall itself
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stallEnded.countDown();
                }
            });
            assertTrue(stallEnded.await(10, TimeUnit.SECONDS));
            awaitPosted(meter, meter.posted() + 6);                    // and a few after it
            var s = meter.stats(from, FxStallMeter.now());             // waits until the window's pings have run
            assertTrue(s.max() >= 150, "the first ping after the blocker waited the whole 150 ms: " + s.max());
            assertTrue(s.over100() >= 1);
            assertTrue(s.maxRunGap() >= 150 - 10, "no ping ran during the stall: " + s.maxRunGap());
        } finally {
            fx.shutdownNow();
            fx.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until the meter has posted {@code n} pings (it posts one every 5 ms on its own thread). */
    private static void awaitPosted(FxStallMeter meter, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (meter.posted() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the meter posted only " + meter.posted() + " of " + n + " pings in 10 s");
            }
            LockSupport.parkNanos(200_000);                            // poll the condition, do not spin a core
        }
    }
}

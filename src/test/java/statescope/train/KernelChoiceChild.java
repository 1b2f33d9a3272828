package statescope.train;

import java.util.LinkedHashMap;
import java.util.Map;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;
import statescope.ssm.VectorSupport;

/**
 * The child process of {@link KernelChoiceTest}: prints, one {@code key=value} a line, which kernels
 * every family runs in this JVM and why. Touches no Vector API class itself, so it also runs without
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class KernelChoiceChild {

    private KernelChoiceChild() {
    }

    /** The choice of every kernel family, and the reason, in this JVM. */
    static Map<String, String> choices() {
        var w = SsmWeights.init(SsmConfig.defaults(16, 1, 4, 4), 1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vector", Boolean.toString(VectorSupport.available()));
        m.put("reason", VectorSupport.reason());
        m.put("describe", VectorSupport.describe());
        m.put("scan", VectorSupport.fastScan(1).name());
        m.put("step", new SsmStepper(w).backend());
        m.put("train", TrainMath.best().name());
        return m;
    }

    public static void main(String[] args) {
        choices().forEach((k, v) -> System.out.println(k + "=" + v));
    }
}

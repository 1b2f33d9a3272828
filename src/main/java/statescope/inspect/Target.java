package statescope.inspect;

import java.util.Arrays;

/**
 * A per-position target or prediction: which output units are on (a k-hot set, or one class), with a
 * readable label such as {@code {0,1}} or {@code in L}. Immutable; equality is on the units only.
 *
 * @param units the output units, {@code [width]}
 * @param label what the UI prints
 */
public record Target(boolean[] units, String label) {

    public Target {
        units = units.clone();
    }

    @Override
    public boolean[] units() {
        return units.clone();
    }

    public int width() {
        return units.length;
    }

    public boolean unit(int i) {
        return units[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && Arrays.equals(t.units, units);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return label;
    }
}

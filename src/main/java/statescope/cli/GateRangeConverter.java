package statescope.cli;

import java.util.Locale;
import picocli.CommandLine;
import statescope.ssm.GateRange;

/**
 * The one reading of a {@code --gates} value: {@code nonneg}, {@code nonnegative} or {@code [0,1]} for
 * {@link GateRange#NONNEGATIVE} (Mamba), {@code signed}, {@code negative} or {@code [-1,1]} for
 * {@link GateRange#SIGNED}, in any case. {@link StateScopeCommand} registers it for the type
 * {@link GateRange}, so every command reads its {@code GateRange} options with it: a command only declares
 * the field, and describes it as "nonneg ([0,1], Mamba) or signed ([-1,1])". A value it does not know is bad
 * input (exit 3, one line), as every option value picocli cannot convert.
 */
final class GateRangeConverter implements CommandLine.ITypeConverter<GateRange> {

    /** The value parsed, or an {@link IllegalArgumentException} naming the accepted spellings. */
    static GateRange parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "nonneg", "nonnegative", "[0,1]" -> GateRange.NONNEGATIVE;
            case "signed", "negative", "[-1,1]" -> GateRange.SIGNED;
            default -> throw new IllegalArgumentException("--gates must be nonneg or signed (also nonnegative, [0,1], "
                    + "negative, [-1,1]), got '" + value + "'");
        };
    }

    @Override
    public GateRange convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

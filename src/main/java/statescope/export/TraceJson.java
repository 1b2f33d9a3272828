package statescope.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import statescope.ssm.ManifestJson;
import statescope.ssm.SsmConfig;
import statescope.ssm.Trace;

/**
 * A trace as JSON, the schema of {@code statescope trace --json}: model, backend, config, tokens,
 * symbols, outputClasses, logits [T][O], and per layer h [T][ED][N], delta [T][ED], y [T][ED].
 */
public final class TraceJson {

    private TraceJson() {
    }

    /** Writes {@code d} to {@code out} (not closed), ending with a newline. */
    public static void write(TraceData d, Writer out) throws IOException {
        SsmConfig c = d.config();
        Trace tr = d.trace();
        int t = tr.tokens();
        int o = c.outputSize();
        int ed = c.dInner();
        int n = c.dState();
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", d.model());
            g.writeStringField("backend", d.backend());
            g.writeObjectFieldStart("config");
            for (var e : ManifestJson.configMap(c).entrySet()) {
                g.writeFieldName(e.getKey());
                if (e.getValue() instanceof Number num) {
                    g.writeNumber(num.toString());
                } else if (e.getValue() instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(e.getValue().toString());
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("tokens");
            for (int id : d.tokens()) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            writeStrings(g, "symbols", d.symbols());
            writeStrings(g, "outputClasses", d.outputClasses());
            g.writeFieldName("logits");
            matrix(g, tr.logits(), t, o);
            g.writeArrayFieldStart("layers");
            for (Trace.LayerTrace l : tr.layers()) {
                g.writeStartObject();
                g.writeFieldName("h");
                g.writeStartArray();
                for (int i = 0; i < t; i++) {
                    matrix(g, Arrays.copyOfRange(l.h(), i * ed * n, (i + 1) * ed * n), ed, n);
                }
                g.writeEndArray();
                g.writeFieldName("delta");
                matrix(g, l.delta(), t, ed);
                g.writeFieldName("y");
                matrix(g, l.y(), t, ed);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void matrix(JsonGenerator g, float[] v, int rows, int cols) throws IOException {
        g.writeStartArray();
        for (int r = 0; r < rows; r++) {
            g.writeStartArray();
            for (int i = 0; i < cols; i++) {
                g.writeNumber(v[r * cols + i]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}

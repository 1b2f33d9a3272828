package statescope.ui.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import statescope.ssm.AtomicFiles;

/**
 * A view as a file: SVG ({@link SvgScene}) or PNG at 1x, 2x or 4x the size on screen. {@link #capture}
 * reads the view (on the FX thread); the returned {@link Pending} encodes and writes it (anywhere).
 */
public final class ViewExport {

    /** The picture formats. */
    public enum Format {
        SVG("SVG (vector)", "svg", 0), PNG_1X("PNG 1x", "png", 1), PNG_2X("PNG 2x", "png", 2),
        PNG_4X("PNG 4x", "png", 4);

        private final String label;
        private final String extension;
        private final int scale;

        Format(String label, String extension, int scale) {
            this.label = label;
            this.extension = extension;
            this.scale = scale;
        }

        public String label() {
            return label;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    /** A captured picture, not yet written. */
    public interface Pending {
        /** Encodes and writes the picture to {@code file} atomically (temporary file, then rename). */
        void writeTo(Path file) throws IOException;
    }

    private ViewExport() {
    }

    /** Captures {@code view} as shown now, in {@code format}. FX thread only. */
    public static Pending capture(Node view, Format format) {
        if (view.getScene() == null) {
            throw new IllegalStateException("the view is not shown");
        }
        view.lookupAll(".hover-readout").forEach(n -> n.setVisible(false));   // a picture holds no hover readout
        if (format == Format.SVG) {
            String svg = SvgScene.write(view);
            return file -> AtomicFiles.write(file, svg.getBytes(StandardCharsets.UTF_8));
        }
        var params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(format.scale, format.scale));
        var pixels = PngWriter.pixels(view.snapshot(params, null));
        return file -> {
            var out = new ByteArrayOutputStream();
            PngWriter.write(pixels, out);
            AtomicFiles.write(file, out.toByteArray());
        };
    }

    /** The SVG document of {@code view} as shown now. FX thread only. */
    public static String svg(Node view) {
        return SvgScene.write(view);
    }
}

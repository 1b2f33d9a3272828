package statescope.ui.export;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;

/**
 * Writes pixels as a PNG file (8-bit RGBA, no filter, deflated): enough for screenshots and figures,
 * without the desktop's AWT. The pixels are read once ({@link #pixels(Image)}, on the FX thread for a
 * snapshot) and encoded anywhere ({@link #write}).
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Pixels of an image, ARGB, row-major. */
    record Pixels(int width, int height, int[] argb) {
    }

    private PngWriter() {
    }

    /** Reads an image's pixels (an image that is shown must be read on the FX thread). */
    static Pixels pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        PixelReader r = img.getPixelReader();
        r.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(w, h, argb);
    }

    /** Encodes {@code p} as PNG to {@code out}. */
    static void write(Pixels p, OutputStream out) throws IOException {
        var data = new DataOutputStream(out);
        data.write(SIGNATURE);
        var head = new ByteArrayOutputStream();
        var hd = new DataOutputStream(head);
        hd.writeInt(p.width());
        hd.writeInt(p.height());
        hd.write(new byte[] {8, 6, 0, 0, 0});                         // 8 bits, RGBA, deflate, no filter, no interlace
        chunk(data, "IHDR", head.toByteArray());
        var body = new ByteArrayOutputStream();
        var deflater = new Deflater(6);
        try (var z = new DeflaterOutputStream(body, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 4 * p.width()];
            for (int y = 0; y < p.height(); y++) {
                row[0] = 0;
                for (int x = 0; x < p.width(); x++) {
                    int c = p.argb()[y * p.width() + x];
                    int i = 1 + 4 * x;
                    row[i] = (byte) (c >> 16);
                    row[i + 1] = (byte) (c >> 8);
                    row[i + 2] = (byte) c;
                    row[i + 3] = (byte) (c >>> 24);
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(data, "IDAT", body.toByteArray());
        chunk(data, "IEND", new byte[0]);
        data.flush();
    }

    /** The PNG bytes of {@code p}. */
    static byte[] bytes(Pixels p) {
        var out = new ByteArrayOutputStream();
        try {
            write(p, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);                        // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        var crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}

package statescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a whole file only after checking what it is and how big it is: a missing path, a directory,
 * a FIFO, socket or device ({@code /dev/zero}) each get their own one-line message before anything is
 * read, and a file above the cap is refused before it is read (and again while reading, should it
 * grow). Text is decoded as strict UTF-8; anything else is refused with the offset of the first bad
 * byte, or the encoding its byte-order mark names.
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /** A file above a size cap; the message names the file, its size and the cap. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLargeException(String message) {
            super(message);
        }
    }

    /** Text that is not UTF-8; the message says where or what it is instead. */
    public static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;

        public NotUtf8Exception(String message) {
            super(message);
        }
    }

    /**
     * Checks that {@code file} is a regular file (through symbolic links), and returns its size.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws FileSystemException naming what it is when it is a directory, FIFO, socket or device
     */
    public static long checkRegular(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw InputFiles.noSuchFile(file);
        }
        if (a.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new FileSystemException(file.toString(), null, "is not a regular file but " + kind(file)
                    + "; give a file");
        }
        return a.size();
    }

    private static String kind(Path file) {
        try {
            Object type = Files.getAttribute(file, "unix:mode");
            if (type instanceof Integer mode) {
                return switch (mode & 0170000) {
                    case 0010000 -> "a FIFO (named pipe)";
                    case 0140000 -> "a socket";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: say it generally
        }
        return "a device, FIFO or socket";
    }

    /**
     * The bytes of a regular file of at most {@code maxBytes} bytes.
     *
     * @param what what the file is, for the message ("the manifest", "the DFA file")
     * @throws TooLargeException when it is larger, before reading it
     */
    public static byte[] read(Path file, long maxBytes, String what) throws IOException {
        long size = checkRegular(file);
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes, what);
            }
            return bytes;
        }
    }

    private static TooLargeException tooLarge(Path file, long size, long max, String what) {
        return new TooLargeException(String.format(Locale.ROOT, "%s: %s of %,d bytes or more is larger than the limit of %,d bytes",
                file, what, size, max));
    }

    /** {@link #read} decoded as UTF-8 (a UTF-8 byte-order mark is dropped). */
    public static String readUtf8(Path file, long maxBytes, String what) throws IOException {
        return decodeUtf8(file, read(file, maxBytes, what));
    }

    /** {@link #decodeUtf8(byte[])} of the bytes of {@code file}, whose message names the file. */
    public static String decodeUtf8(Path file, byte[] bytes) throws NotUtf8Exception {
        try {
            return decodeUtf8(bytes);
        } catch (NotUtf8Exception e) {
            throw new NotUtf8Exception(file + ": " + e.getMessage());
        }
    }

    /**
     * Decodes strict UTF-8 (a UTF-8 byte-order mark is dropped).
     *
     * @throws NotUtf8Exception naming the encoding of a UTF-16 or UTF-32 byte-order mark, or the offset,
     *     line and value of the first byte that is not UTF-8
     */
    public static String decodeUtf8(byte[] bytes) throws NotUtf8Exception {
        String bom = bomEncoding(bytes);
        if (bom != null && !bom.equals("UTF-8")) {
            throw new NotUtf8Exception("the text is " + bom + " (it starts with that byte-order mark); save it as UTF-8");
        }
        int skip = bom == null ? 0 : 3;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            int at = firstBadByte(bytes, skip);
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new NotUtf8Exception(String.format(Locale.ROOT, "the text is not UTF-8: byte 0x%02X at offset %d "
                    + "(line %d)%s; save it as UTF-8", bytes[at] & 0xff, at, line,
                    looksUtf16(bytes) ? ", and it looks like UTF-16" : ""));
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception("the text is not UTF-8; save it as UTF-8");
        }
    }

    /** The encoding named by a byte-order mark at the start, or null. */
    public static String bomEncoding(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return "UTF-32BE";
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return "UTF-8";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return "UTF-16BE";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return "UTF-16LE";
        }
        return null;
    }

    private static boolean looksUtf16(byte[] b) {
        int zeros = 0;
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            zeros += b[i] == 0 ? 1 : 0;
        }
        return n >= 4 && zeros * 4 >= n;
    }

    /** The offset of the first byte that does not continue a valid UTF-8 sequence. */
    static int firstBadByte(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > b.length) {
                return i;
            }
            for (int j = 1; j < len; j++) {
                if ((b[i + j] & 0xC0) != 0x80) {
                    return i;
                }
            }
            if (len == 3 && ((c == 0xE0 && (b[i + 1] & 0xff) < 0xA0) || (c == 0xED && (b[i + 1] & 0xff) > 0x9F))
                    || len == 4 && ((c == 0xF0 && (b[i + 1] & 0xff) < 0x90) || (c == 0xF4 && (b[i + 1] & 0xff) > 0x8F))) {
                return i;
            }
            i += len;
        }
        return Math.max(from, b.length - 1);
    }
}

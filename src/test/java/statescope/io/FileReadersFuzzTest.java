package statescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import statescope.FuzzBudget;
import statescope.lang.DfaFormatException;
import statescope.lang.DfaJson;
import statescope.lang.Jflap;
import statescope.lang.LimitExceededException;

/**
 * Fuzzes the file-level readers (issue 18: the size and encoding paths): the bytes of a file, in any
 * encoding or none, give a DFA or one documented exception with a one-line message, within
 * {@link FuzzBudget}; strict UTF-8 decoding agrees with the JDK's on valid text.
 */
class FileReadersFuzzTest {

    private static final String[] PROLOGS = {"", "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"bogus\"?>",
        "<?xml version='1.0' encoding='windows-1252'?>", "\uFEFF"};
    private static final String[] CHARSETS = {"UTF-8", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "UTF-32BE"};

    @FuzzTest(maxDuration = "60s")
    void decodeUtf8(byte[] bytes) throws Exception {
        FuzzBudget.run(() -> {
            String s;
            try {
                s = BoundedFiles.decodeUtf8(bytes);
            } catch (BoundedFiles.NotUtf8Exception e) {
                assertTrue(!e.getMessage().contains("\n"), e.getMessage());
                return;
            }
            boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
            String expected = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(bom ? expected.substring(1) : expected, s);
        });
    }

    @FuzzTest(maxDuration = "60s")
    void automatonFiles(FuzzedDataProvider data) throws Exception {
        boolean jff = data.consumeBoolean();
        String prolog = jff ? data.pickValue(PROLOGS) : "";
        String charset = data.pickValue(CHARSETS);
        String body = data.consumeString(2000);
        byte[] bytes = data.consumeBoolean() ? (prolog + body).getBytes(Charset.forName(charset))
                : data.consumeRemainingAsBytes();
        Path file = Files.createTempFile("statescope-fuzz", jff ? ".jff" : ".json");
        try {
            Files.write(file, bytes);
            FuzzBudget.run(() -> {
                try {
                    if (jff) {
                        Jflap.read(file);
                    } else {
                        DfaJson.read(file);
                    }
                } catch (DfaFormatException | LimitExceededException | IOException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), String.valueOf(e));
                    assertFalse(e.getMessage().contains("\n"), "a message of one line: " + e.getMessage());
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

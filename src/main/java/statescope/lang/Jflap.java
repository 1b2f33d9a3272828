package statescope.lang;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import statescope.io.BoundedFiles;

/**
 * Import of JFLAP finite automata ({@code .jff}, type {@code fa}), deterministic or not:
 * <pre>
 * &lt;structure&gt;&lt;type&gt;fa&lt;/type&gt;&lt;automaton&gt;
 *   &lt;state id="0" name="q0"&gt;&lt;initial/&gt;&lt;/state&gt;
 *   &lt;state id="1" name="q1"&gt;&lt;final/&gt;&lt;/state&gt;
 *   &lt;transition&gt;&lt;from&gt;0&lt;/from&gt;&lt;to&gt;1&lt;/to&gt;&lt;read&gt;a&lt;/read&gt;&lt;/transition&gt;
 * &lt;/automaton&gt;&lt;/structure&gt;
 * </pre>
 * The {@code automaton} wrapper is optional (older JFLAP files put states under {@code structure}).
 * An empty or absent-text {@code <read/>} is an ε-move; a read of several characters reads them in
 * sequence, as in JFLAP. Positions, notes and labels are ignored. The alphabet is the set of read
 * characters (sorted by code point) unless one is given. The result of {@link #read} is the subset
 * construction: total, missing transitions going to a dead state, states labelled with the JFLAP names
 * (a set of names where the automaton was nondeterministic). The XML is parsed without DTDs or
 * external entities; every problem is a {@link DfaFormatException} naming the element.
 */
public final class Jflap {

    /** Longest accepted text, in characters (the file may hold up to 4 bytes per character). */
    public static final int MAX_CHARS = 20_000_000;
    /**
     * Most states of the automaton: the declared states plus those that multi-character reads add
     * (a read of n characters adds n − 1 states).
     */
    public static final int MAX_STATES = 10_000;
    public static final int MAX_TRANSITIONS = 1_000_000;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private Jflap() {
    }

    /** Reads a .jff finite automaton as a DFA over the alphabet of its read characters. */
    public static Dfa read(String xml) {
        return readNfa(xml, null).toDfa();
    }

    /** Reads a .jff finite automaton as a DFA over the given alphabet. */
    public static Dfa read(String xml, Alphabet alphabet) {
        return readNfa(xml, alphabet).toDfa();
    }

    /**
     * Reads a .jff finite automaton as a DFA under the given construction limits.
     *
     * @param alphabet the alphabet, or null to use the read characters
     */
    public static Dfa read(String xml, Alphabet alphabet, Limits limits) {
        return readNfa(xml, alphabet).toDfa(limits);
    }

    /** Reads a .jff file as a DFA under {@link Limits#DEFAULT}; see {@link #read(Path, Limits)}. */
    public static Dfa read(Path file) throws IOException {
        return read(file, Limits.DEFAULT);
    }

    /**
     * Reads a .jff file as a DFA. The file is UTF-8 unless a byte-order mark (UTF-16, UTF-32) or the
     * XML declaration ({@code encoding="ISO-8859-1"}) says otherwise; text that is not in its encoding
     * is a {@link DfaFormatException} naming the first bad byte.
     */
    public static Dfa read(Path file, Limits limits) throws IOException {
        return read(text(file), null, limits);
    }

    /** Reads a .jff file as the automaton it draws, deterministic or not (the encoding as {@link #read(Path, Limits)}). */
    public static Nfa readNfa(Path file) throws IOException {
        return readNfa(text(file), null);
    }

    /** The text of a .jff file (see {@link #read(Path, Limits)} for the encoding). */
    static String text(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, 4L * MAX_CHARS, "the .jff file");
        } catch (BoundedFiles.TooLargeException e) {
            throw new DfaFormatException(e.getMessage());
        }
        String bom = BoundedFiles.bomEncoding(bytes);
        String declared = null;
        if (bom == null) {
            var m = DECLARED_ENCODING.matcher(new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1));
            declared = m.find() ? m.group(1) : null;
        }
        String encoding = bom != null ? bom : declared != null ? declared : "UTF-8";
        if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")) {
            try {
                return BoundedFiles.decodeUtf8(bytes);
            } catch (BoundedFiles.NotUtf8Exception e) {
                throw new DfaFormatException(file + ": " + e.getMessage()
                        + (declared == null ? " or declare its encoding, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" : ""));
            }
        }
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new DfaFormatException(file + ": the XML declaration names the unknown encoding '" + DfaJson.clip(encoding) + "'");
        }
        try {
            int skip = bom == null ? 0 : bom.startsWith("UTF-32") ? 4 : 2;
            String t = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            // the text is now decoded: drop the declaration's encoding so that the parser does not apply it again
            return declared == null ? t : t.replaceFirst("encoding\\s*=\\s*[\"'][^\"']*[\"']", "");
        } catch (CharacterCodingException e) {
            throw new DfaFormatException(file + ": the text is not valid " + encoding + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads a .jff finite automaton as an NFA (ε-moves kept).
     *
     * @param alphabet the alphabet, or null to use the read characters
     */
    public static Nfa readNfa(String xml, Alphabet alphabet) {
        if (xml.length() > MAX_CHARS) {
            throw new DfaFormatException("the .jff file is longer than the limit of " + MAX_CHARS + " characters");
        }
        Element root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("structure")) {
            throw new DfaFormatException("<" + DfaJson.clip(root.getTagName()) + ">: expected <structure> as the root element");
        }
        Element type = child(root, "type");
        String t = type == null ? "" : type.getTextContent().strip();
        if (!t.equals("fa")) {
            throw new DfaFormatException("<type>: expected 'fa' (a finite automaton), found '" + DfaJson.clip(t)
                    + "'; only finite automata can be imported");
        }
        Element automaton = child(root, "automaton");
        Element holder = automaton == null ? root : automaton;
        List<Element> states = children(holder, "state");
        List<Element> transitions = children(holder, "transition");
        if (!children(holder, "block").isEmpty()) {
            throw new DfaFormatException("<block>: building blocks are not supported; expand them in JFLAP first");
        }
        if (states.isEmpty()) {
            throw new DfaFormatException("<automaton>: expected at least one <state>");
        }
        if (states.size() > MAX_STATES || transitions.size() > MAX_TRANSITIONS) {
            throw new DfaFormatException("<automaton>: more than the limit of " + MAX_STATES + " states or "
                    + MAX_TRANSITIONS + " transitions");
        }
        return build(states, transitions, alphabet);
    }

    private static Nfa build(List<Element> states, List<Element> transitions, Alphabet alphabet) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int initial = -1;
        for (int i = 0; i < states.size(); i++) {
            Element s = states.get(i);
            String at = "<state> " + (i + 1);
            String id = s.getAttribute("id").strip();
            if (id.isEmpty()) {
                throw new DfaFormatException(at + ": missing the id attribute");
            }
            if (ids.containsKey(id)) {
                throw new DfaFormatException(at + ": duplicate id '" + DfaJson.clip(id) + "'");
            }
            String name = s.hasAttribute("name") && !s.getAttribute("name").isBlank()
                    ? s.getAttribute("name").strip() : "q" + id;
            names.add(name);
            ids.put(id, i);
            if (child(s, "initial") != null) {
                if (initial >= 0) {
                    throw new DfaFormatException(at + ": a second initial state (the first is '" + names.get(initial) + "')");
                }
                initial = i;
            }
        }
        if (initial < 0) {
            throw new DfaFormatException("<automaton>: no state is marked <initial/>");
        }
        List<String> reads = new ArrayList<>();
        long total = states.size();
        for (int i = 0; i < transitions.size(); i++) {
            String r = read(transitions.get(i), i);
            reads.add(r);
            if (alphabet == null || !alphabet.contains(r)) {
                total += Math.max(0, r.codePointCount(0, r.length()) - 1);
            }
            if (total > MAX_STATES) {
                throw new DfaFormatException("<transition> " + (i + 1) + ": the reads of several characters add a state"
                        + " per extra character, and with the " + states.size() + " declared states that is more than"
                        + " the limit of " + MAX_STATES + " states");
            }
        }
        Alphabet sigma = alphabet == null ? inferAlphabet(reads) : alphabet;
        var b = new Nfa.Builder(sigma);
        List<String> labels = Nfa.uniqueLabels(names);
        for (int i = 0; i < states.size(); i++) {
            b.addState(labels.get(i), child(states.get(i), "final") != null);
        }
        b.addStart(initial);
        for (int i = 0; i < transitions.size(); i++) {
            Element tr = transitions.get(i);
            String at = "<transition> " + (i + 1);
            int from = endpoint(tr, "from", ids, at);
            int to = endpoint(tr, "to", ids, at);
            String read = reads.get(i);
            if (sigma.contains(read)) {                // a (possibly multi-character) symbol
                b.addTransition(from, sigma.indexOf(read), to);
                continue;
            }
            int[] word = read.codePoints().toArray();
            if (word.length == 0) {
                b.addEpsilon(from, to);
                continue;
            }
            int cur = from;
            for (int j = 0; j < word.length; j++) {
                int a = sigma.indexOf(Character.toString(word[j]));
                if (a < 0) {
                    throw new DfaFormatException(at + ": reads '" + Character.toString(word[j])
                            + "', which is not in the alphabet " + sigma);
                }
                int next = j == word.length - 1 ? to : b.addState(labels.get(from) + "~" + (i + 1) + "." + (j + 1), false);
                b.addTransition(cur, a, next);
                cur = next;
            }
        }
        return b.build();
    }

    private static String read(Element tr, int i) {
        Element r = child(tr, "read");
        if (r == null) {
            throw new DfaFormatException("<transition> " + (i + 1) + ": missing <read> (use <read/> for ε)");
        }
        String s = r.getTextContent();
        if (s.codePoints().anyMatch(Character::isWhitespace)) {
            throw new DfaFormatException("<transition> " + (i + 1) + ": <read> contains white space");
        }
        return s;
    }

    private static Alphabet inferAlphabet(List<String> reads) {
        var cps = new TreeSet<Integer>();
        reads.forEach(r -> r.codePoints().forEach(cps::add));
        if (cps.isEmpty()) {
            throw new DfaFormatException("<automaton>: no transition reads a symbol, so there is no alphabet");
        }
        var syms = new ArrayList<String>();
        cps.forEach(cp -> syms.add(Character.toString(cp)));
        return Alphabet.of(syms);
    }

    private static int endpoint(Element tr, String tag, Map<String, Integer> ids, String at) {
        Element e = child(tr, tag);
        if (e == null) {
            throw new DfaFormatException(at + ": missing <" + tag + ">");
        }
        String id = e.getTextContent().strip();
        Integer q = ids.get(id);
        if (q == null) {
            throw new DfaFormatException(at + ": <" + tag + "> names no state id '" + DfaJson.clip(id) + "'");
        }
        return q;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Parses XML with DTDs, external entities and XInclude switched off. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            db.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return db.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String why = e.getMessage() != null && e.getMessage().contains("must start and end within the same entity")
                    ? "the file ends before its elements are closed (cut short?)" : e.getMessage();
            throw new DfaFormatException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + why, e);
        } catch (SAXException e) {
            throw new DfaFormatException("not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser setup failed", e);
        }
    }
}

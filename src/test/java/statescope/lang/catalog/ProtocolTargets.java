package statescope.lang.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import statescope.lang.Word;

/**
 * Slow, independent re-implementations of the paper's per-position target rules, written from the
 * repository's generators (paper.md §3.1 "Output-target encodings", §3.2, §3.3): for a word of the
 * language, the class name at every position. Used to check {@link TargetEncoding#encode}.
 */
final class ProtocolTargets {

    private ProtocolTargets() {
    }

    static List<String> classNames(Language l, Word w) {
        String id = l.id();
        String s = w.toString();
        var out = new ArrayList<String>();
        int n = w.length();
        switch (id) {
            case "tomita-1" -> repeat(out, n, "{1}");
            case "tomita-2" -> {
                for (int i = 0; i < n; i++) {
                    out.add(s.charAt(i) == '1' ? "{0}" : "{1}");
                }
            }
            case "tomita-3" -> {
                for (int i = 1; i <= n; i++) {
                    String p = s.substring(0, i);
                    var set = new ArrayList<String>();
                    for (String c : List.of("0", "1")) {
                        if (TomitaLanguages.tomita3Member(l.parse(p + c))) {
                            set.add(c);
                        }
                    }
                    out.add("{" + String.join(",", set) + "}");
                }
            }
            case "tomita-4" -> {
                for (int i = 1; i <= n; i++) {
                    out.add(s.substring(0, i).endsWith("00") ? "{1}" : "{0,1}");
                }
            }
            case "tomita-7" -> {
                int phase = 0;
                String blocks = "0101";
                for (int i = 0; i < n; i++) {
                    while (s.charAt(i) != blocks.charAt(phase)) {
                        phase++;
                    }
                    out.add(phase == 3 ? "{1}" : "{0,1}");
                }
            }
            case "tomita-5", "tomita-6", "parity", "aa-star", "aaaa-star", "abab-star", "mod-3", "mod-5" -> {
                for (int i = 1; i <= n; i++) {
                    out.add(l.contains(w.prefix(i)) ? "1" : "0");
                }
            }
            case "boolean-3", "boolean-5" -> {
                repeat(out, n - 1, "0");
                out.add("1");
            }
            case "d-2", "d-3", "d-4", "d-12" -> {
                int max = Integer.parseInt(id.substring(2));
                int d = 0;
                for (int i = 0; i < n; i++) {
                    d += s.charAt(i) == 'a' ? 1 : -1;
                    out.add(d == 0 ? "{a}" : d == max ? "{b}" : "{a,b}");
                }
            }
            case "abcde-plus" -> {
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    out.add(c == 'e' ? "T" : String.valueOf((char) (c + 1)));
                }
            }
            case "ab-d-bc" -> {
                int split = s.lastIndexOf('d');
                for (int i = 0; i < n; i++) {
                    out.add(i < split ? "{a,b,d}" : "{b,c}");
                }
            }
            case "012-star-02-star" -> {
                boolean end = false;
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    if (c == '1') {
                        end = false;
                    } else if (c == '0') {
                        end = true;
                    }
                    out.add(c != '2' || !end ? "c" : "e");
                }
            }
            case "dyck-1", "shuffle-2", "shuffle-4", "shuffle-6" -> {
                int k = l.alphabet().size() / 2;
                int[] depth = new int[k];
                for (int i = 0; i < n; i++) {
                    int sym = w.at(i);
                    if (sym < k) {
                        depth[sym]++;
                    } else {
                        depth[sym - k]--;
                    }
                    var sb = new StringBuilder();
                    for (int t = 0; t < k; t++) {
                        sb.append(depth[t] > 0 ? '1' : '0');
                    }
                    out.add(sb.toString());
                }
            }
            case "anbn", "anbncn", "anbncndn" -> {
                String o = s.replaceFirst("b", "") + "T";
                for (int i = 0; i < n; i++) {
                    out.add(String.valueOf(o.charAt(i)));
                }
            }
            case "flip-flop" -> {
                for (int i = 0; i < n; i++) {
                    out.add(i > 0 && s.charAt(i - 1) == 'r' ? String.valueOf(s.charAt(i)) : "-");
                }
            }
            case "bounded-dyck-8-10", "bounded-dyck-2-4" -> {
                var m = (BoundedDyckMachine) l.machine();
                int k = m.types();
                var stack = new ArrayDeque<Integer>();
                for (int i = 0; i < n; i++) {
                    int sym = w.at(i);
                    if (sym < k) {
                        stack.push(sym);
                    } else {
                        stack.pop();
                    }
                    if (stack.isEmpty()) {
                        out.add("END|open");
                    } else {
                        String close = l.alphabet().symbol(k + stack.peek());
                        out.add(stack.size() == m.maxDepth() ? close + " only" : close + "|open");
                    }
                }
            }
            default -> throw new IllegalArgumentException("no protocol reference for " + id);
        }
        return out;
    }

    private static void repeat(List<String> out, int n, String v) {
        for (int i = 0; i < n; i++) {
            out.add(v);
        }
    }
}

package io.loopguard.report.check;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.DataFileException;
import io.loopguard.format.Frame;
import io.loopguard.format.io.AtomicFile;
import io.loopguard.format.json.JsonException;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;
import io.loopguard.format.json.JsonText;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Known call sites that do not fail the check ("fail only on new ones"). Keys ignore every line number (category,
 * blocking method, each frame's class and method), so editing unrelated code above a call does not make it "new";
 * the price is that two calls of the same API from the same method share an entry. Entries are sorted by key so the
 * committed file diffs well; {@code at} is the first application frame, for the reviewer only.
 *
 * <pre>{"format": "loopguard-baseline/1", "entries": [{"key": "…", "category": "jdbc", "blockingMethod": "…", "at": "…"}]}</pre>
 */
public final class Baseline {

    /** Version of the baseline file. */
    public static final String FORMAT = "loopguard-baseline/1";

    /** One known call site. */
    public record Entry(String key, String category, String blockingMethod, String at) {
    }

    private final Map<String, Entry> entries;

    private Baseline(Collection<Entry> entries) {
        this.entries = new TreeMap<>();
        entries.forEach(e -> this.entries.put(e.key(), e));
    }

    /** A baseline with exactly these call sites. */
    public static Baseline of(Collection<CallSite> sites) {
        return new Baseline(sites.stream().map(Baseline::entryOf).toList());
    }

    /**
     * The line-independent key of a call site: the first version's fingerprint over the stack without lines, so
     * baseline files keep matching whatever the call-site id is made of.
     */
    public static String keyOf(CallSite site) {
        List<Frame> lineless = site.stack().stream()
                .map(f -> new Frame(f.className(), f.methodName(), null, -1)).toList();
        return CallSiteId.ofEveryFrame(site.category(), site.blockingMethod(), lineless);
    }

    static Entry entryOf(CallSite site) {
        int primary = StackFrames.primaryFrameIndex(site);
        String at = primary < 0 ? "" : site.stack().get(primary).className() + "." + site.stack().get(primary).methodName();
        return new Entry(keyOf(site), site.category(), site.blockingMethod(), at);
    }

    /** All entries, sorted by key. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** True when the site is known. */
    public boolean contains(CallSite site) {
        return entries.containsKey(keyOf(site));
    }

    /** Entries whose call site is not among {@code sites}: fixed since the baseline was written. */
    public List<Entry> fixedIn(Collection<CallSite> sites) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        sites.forEach(s -> seen.add(keyOf(s)));
        return entries.values().stream().filter(e -> !seen.contains(e.key())).toList();
    }

    /** This baseline plus {@code sites}; with {@code prune}, without the entries no longer seen. */
    public Baseline updatedWith(Collection<CallSite> sites, boolean prune) {
        List<Entry> result = new ArrayList<>(prune ? List.of() : entries.values());
        sites.forEach(s -> result.add(entryOf(s)));
        return new Baseline(result);
    }

    /** Reads a baseline file; errors name the file and position. */
    public static Baseline read(Path file) throws DataFileException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read baseline: " + e, null);
        }
        JsonNode root;
        try {
            root = JsonParser.parse(text, name);
        } catch (JsonException e) {
            throw new DataFileException(e);
        }
        JsonNode format = root.kind() == JsonNode.Kind.OBJECT ? root.members().get("format") : null;
        if (format == null || format.kind() != JsonNode.Kind.STRING || !FORMAT.equals(format.string())) {
            throw new DataFileException(name, "not a baseline file, expected \"format\": \"" + FORMAT + "\"",
                    root.line(), root.column());
        }
        JsonNode list = root.members().get("entries");
        if (list == null || list.kind() != JsonNode.Kind.ARRAY) {
            throw new DataFileException(name, "entries: expected an array", root.line(), root.column());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.elements().size(); i++) {
            JsonNode e = list.elements().get(i);
            String path = "entries[" + i + "]";
            entries.add(new Entry(text(name, e, path, "key"), text(name, e, path, "category"),
                    text(name, e, path, "blockingMethod"), text(name, e, path, "at")));
        }
        return new Baseline(entries);
    }

    private static String text(String source, JsonNode entry, String path, String field) throws DataFileException {
        JsonNode value = entry.kind() == JsonNode.Kind.OBJECT ? entry.members().get(field) : null;
        if (value == null || value.kind() != JsonNode.Kind.STRING) {
            throw new DataFileException(source, path + "." + field + ": expected a string", entry.line(),
                    entry.column());
        }
        return value.string();
    }

    /** Writes the baseline atomically (temporary file and rename). */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".loopguard-baseline-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("{\n  \"format\": \"" + FORMAT + "\",\n  \"entries\": [");
                int i = 0;
                for (Entry e : entries.values()) {
                    out.write(i++ == 0 ? "\n    { \"key\": " : ",\n    { \"key\": ");
                    JsonText.quote(out, e.key(), false);
                    out.write(", \"category\": ");
                    JsonText.quote(out, e.category(), false);
                    out.write(", \"blockingMethod\": ");
                    JsonText.quote(out, e.blockingMethod(), false);
                    out.write(", \"at\": ");
                    JsonText.quote(out, e.at(), false);
                    out.write(" }");
                }
                out.write(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
            }
            AtomicFile.moveReplacing(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

}

package io.loopguard.report.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and flags, then positional inputs; unknown options are errors. */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<Path> inputs = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                args.subList(i + 1, args.size()).forEach(a -> parsed.inputs.add(Path.of(a)));
                break;
            }
            if (!arg.startsWith("--")) {
                parsed.inputs.add(Path.of(arg));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (flags.contains(name) && eq < 0) {
                parsed.options.put(name, "true");
            } else if (valued.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
                parsed.options.put(name, value);
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return parsed;
    }

    String get(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<Path> inputs() {
        return inputs;
    }

    List<Path> requireInputs() throws UsageException {
        if (inputs.isEmpty()) {
            throw new UsageException("no FILE or DIR given");
        }
        return inputs;
    }
}

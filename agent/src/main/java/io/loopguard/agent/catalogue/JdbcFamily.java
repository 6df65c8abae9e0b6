package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.agent.weave.ContextSource.THIS;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import io.loopguard.agent.weave.ContextSource;
import io.loopguard.agent.weave.MethodRule;
import io.loopguard.agent.weave.TypeHierarchy;
import io.loopguard.format.Category;

/**
 * {@code jdbc}: any driver's (or pool's) implementation of {@code Statement}, {@code PreparedStatement},
 * {@code CallableStatement}, {@code Connection} and {@code DataSource}, matched by type hierarchy as classes load,
 * plus {@code DriverManager.getConnection}.
 *
 * <p>A class is a candidate only if its bytes mention {@code java/sql/} or {@code javax/sql/} (every implementation
 * declares {@code throws SQLException} or names the interface), so the hierarchy — read from class-file headers,
 * never by loading — is resolved for a handful of driver classes, not for every class of the application.
 *
 * <p>{@code blockingMethod} names the {@code java.sql} interface the application called; the SQL comes from the
 * {@code String} argument, or for a prepared statement from what {@code Connection.prepareStatement} was given
 * (captured at its return, see {@code SqlRegistry}) — never from the driver's {@code toString()}, which shows bound
 * values (personal data) on H2 and PostgreSQL.
 */
public final class JdbcFamily implements BlockingFamily {
    private static final String STATEMENT = "java/sql/Statement";
    private static final String PREPARED = "java/sql/PreparedStatement";
    private static final String CALLABLE = "java/sql/CallableStatement";
    private static final String CONNECTION = "java/sql/Connection";
    private static final String DATA_SOURCE = "javax/sql/DataSource";

    @Override
    public Category category() {
        return Category.JDBC;
    }

    @Override
    public void declare(Rules rules) {
        for (String descriptor : new String[] {
                "(Ljava/lang/String;)Ljava/sql/Connection;",
                "(Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;",
                "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;"}) {
            rules.timedExact("java/sql/DriverManager", "getConnection", descriptor,
                    "java.sql.DriverManager.getConnection", 0, FIRST_ARG);
        }
    }

    /**
     * The SQL with literals masked: a {@code String} argument (or a JDBC URL, without credentials), or what a
     * prepared statement was prepared with.
     */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        if (context instanceof String) {
            String text = (String) context;
            return text.startsWith("jdbc:") ? maskUrl(text) : SqlMasker.mask(text);
        }
        return context instanceof Statement ? SqlMasker.mask(sql.sqlOf(context)) : null;
    }

    /** A JDBC URL without its query string or properties, which may carry a password. */
    private static String maskUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        int at = url.lastIndexOf('@', cut);
        int scheme = url.indexOf("//");
        String head = at > scheme && scheme > 0 ? url.substring(0, scheme + 2) + url.substring(at + 1, cut) : url.substring(0, cut);
        return cut < url.length() ? head + "?…" : head;
    }

    /**
     * The driver side: rules for the classes of any driver or pool, decided as each class loads from its type
     * hierarchy (the transformer asks only for classes whose bytes mention {@code java/sql/}). Its sites belong to
     * the JDBC family like the ones {@link #declare} creates.
     */
    public static final class Drivers {
        private final SiteTable sites;
        private final TypeHierarchy hierarchy;

        public Drivers(SiteTable sites, TypeHierarchy hierarchy) {
            this.sites = sites;
            this.hierarchy = hierarchy;
        }

        /** Rules for a concrete class that implements one of the JDBC interfaces; empty for anything else. */
        public List<MethodRule> rulesFor(ClassLoader loader, ClassReader reader) {
            List<MethodRule> rules = new ArrayList<>();
            if ((reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION)) != 0) {
                return rules;
            }
            TypeHierarchy.Header header = TypeHierarchy.header(reader);
            boolean statement = hierarchy.isSubtypeOf(loader, header, STATEMENT, 0);
            boolean connection = hierarchy.isSubtypeOf(loader, header, CONNECTION, 0);
            boolean dataSource = hierarchy.isSubtypeOf(loader, header, DATA_SOURCE, 0);
            if (!statement && !connection && !dataSource) {
                return rules;
            }
            String prepared = hierarchy.isSubtypeOf(loader, header, CALLABLE, 0) ? "java.sql.CallableStatement"
                    : hierarchy.isSubtypeOf(loader, header, PREPARED, 0) ? "java.sql.PreparedStatement" : "java.sql.Statement";
            for (String[] method : declaredMethods(reader)) {
                String name = method[0];
                String descriptor = method[1];
                if (statement && name.startsWith("execute")) {
                    boolean sqlArgument = descriptor.startsWith("(Ljava/lang/String;");
                    boolean batch = name.endsWith("Batch");
                    String api = sqlArgument || batch ? "java.sql.Statement" : prepared;
                    rules.add(timed(name, descriptor, api + "." + name, sqlArgument ? FIRST_ARG : THIS));
                } else if (connection && (name.equals("commit") || name.equals("rollback"))) {
                    rules.add(timed(name, descriptor, "java.sql.Connection." + name, NONE));
                } else if (connection && (name.startsWith("prepareStatement") || name.startsWith("prepareCall"))
                        && descriptor.startsWith("(Ljava/lang/String;")) {
                    rules.add(MethodRule.hook(name, descriptor, MethodRule.Kind.SQL_PREPARED));
                } else if (dataSource && name.equals("getConnection")) {
                    rules.add(timed(name, descriptor, "javax.sql.DataSource.getConnection", NONE));
                }
            }
            return rules;
        }

        private MethodRule timed(String name, String descriptor, String blockingMethod, ContextSource ctx) {
            return MethodRule.timed(name, descriptor, sites.intern(Families.JDBC, Category.JDBC, blockingMethod, 0), ctx);
        }

        private static List<String[]> declaredMethods(ClassReader reader) {
            List<String[]> methods = new ArrayList<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_STATIC)) == 0) {
                        methods.add(new String[] {name, descriptor});
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return methods;
        }
    }
}

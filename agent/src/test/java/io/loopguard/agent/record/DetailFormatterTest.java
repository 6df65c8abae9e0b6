package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.catalogue.BlockingFamily;
import io.loopguard.agent.catalogue.Families;
import io.loopguard.agent.catalogue.Site;
import io.loopguard.agent.catalogue.SqlRegistry;
import io.loopguard.format.Category;

class DetailFormatterTest {
    private final DetailFormatter details = new DetailFormatter(new SqlRegistry(null));

    /** A site of the family that reports {@code category}, as the catalogue would intern it. */
    static Site site(Category category, String blockingMethod) {
        BlockingFamily family = Families.all().stream().filter(f -> f.category() == category).findFirst().orElseThrow();
        return new Site(1 << 8, family, category, blockingMethod, null);
    }

    private String describe(Category category, Object context) {
        return details.describe(site(category, "x.Y.z"), context);
    }

    @Test
    void pathsAddressesHostsAndSql() {
        assertThat(describe(Category.FILE, Path.of("/etc/hosts"))).isEqualTo("/etc/hosts");
        assertThat(describe(Category.SOCKET, InetSocketAddress.createUnresolved("db.local", 5432))).isEqualTo("db.local:5432");
        assertThat(describe(Category.DNS, "example.org")).isEqualTo("example.org");
        assertThat(describe(Category.JDBC, "select * from t where id = 7")).isEqualTo("select * from t where id = ?");
        assertThat(describe(Category.LOCK, new Object())).isNull();
        assertThat(describe(Category.FILE, null)).isNull();
    }

    @Test
    void jdbcUrlsLoseCredentialsAndProperties() {
        assertThat(describe(Category.JDBC, "jdbc:postgresql://bob:secret@db:5432/app?password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/app?…");
        assertThat(describe(Category.JDBC, "jdbc:h2:mem:test;PASSWORD=x")).isEqualTo("jdbc:h2:mem:test?…");
    }

    @Test
    void preparedStatementsShowTheSqlTheyWerePreparedWith() throws Exception {
        Object statement = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> null);
        // the runtime's answer for the current thread (LoopThread keeps it; HooksTest covers that side)
        java.util.Map<Object, String> prepared = new java.util.IdentityHashMap<>();
        prepared.put(statement, "update t set name = 'x' where id = ?");
        java.lang.invoke.MethodHandle lookup = java.lang.invoke.MethodHandles.lookup()
                .findVirtual(java.util.Map.class, "get",
                        java.lang.invoke.MethodType.methodType(Object.class, Object.class))
                .bindTo(prepared)
                .asType(java.lang.invoke.MethodType.methodType(String.class, Object.class));
        SqlRegistry registry = new SqlRegistry(lookup);
        String detail = new DetailFormatter(registry).describe(site(Category.JDBC, "java.sql.PreparedStatement.executeUpdate"), statement);
        assertThat(detail).isEqualTo("update t set name = ? where id = ?");
    }
}

package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.Category;

class DetailFormatterTest {
    private final DetailFormatter details = new DetailFormatter(new SqlRegistry());

    private String describe(Category category, Object context) {
        return details.describe(new Site(1 << 8, category, "x.Y.z", null), context);
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
    void socketImplTextBecomesHostAndPort() {
        assertThat(DetailFormatter.socketImpl("Socket[addr=localhost/127.0.0.1,port=5432,localport=41000]")).isEqualTo("localhost:5432");
        assertThat(DetailFormatter.socketImpl("Socket[addr=/10.0.0.2,port=80,localport=1]")).isEqualTo("10.0.0.2:80");
        assertThat(DetailFormatter.socketImpl("Socket[unconnected]")).isNull();
    }

    @Test
    void preparedStatementsShowTheSqlTheyWerePreparedWith() {
        SqlRegistry registry = new SqlRegistry();
        Object statement = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> null);
        registry.prepared(statement, "update t set name = 'x' where id = ?");
        String detail = new DetailFormatter(registry).describe(new Site(1 << 8, Category.JDBC, "java.sql.PreparedStatement.executeUpdate", null), statement);
        assertThat(detail).isEqualTo("update t set name = ? where id = ?");
    }
}

package io.loopguard.agent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlMaskerTest {
    @Test
    void masksStringAndNumberLiteralsButKeepsIdentifiersAndParameters() {
        assertThat(SqlMasker.mask("SELECT name FROM users WHERE id = 42 AND email = 'bob@example.com'"))
                .isEqualTo("SELECT name FROM users WHERE id = ? AND email = ?");
        assertThat(SqlMasker.mask("select t1.c2 from t1 where x > ? and y < 3.5e-3"))
                .isEqualTo("select t1.c2 from t1 where x > ? and y < ?");
        assertThat(SqlMasker.mask("insert into \"T 1\" values ('it''s', -7, $1)")).isEqualTo("insert into \"T 1\" values (?, -?, $1)");
        assertThat(SqlMasker.mask("select $$secret$$, $tag$x$tag$, E'a\\'b'")).isEqualTo("select ?, ?, ?");
        assertThat(SqlMasker.mask("select 1 -- 2 is kept in comments\n, 3")).isEqualTo("select ? -- 2 is kept in comments\n, ?");
        assertThat(SqlMasker.mask(null)).isNull();
    }

    @Test
    void cutsVeryLongStatements() {
        String masked = SqlMasker.mask("select " + "a, ".repeat(5000) + "b");
        assertThat(masked.length()).isLessThanOrEqualTo(SqlMasker.MAX_LENGTH + 1);
        assertThat(masked).endsWith("…");
    }
}

package io.loopguard.agent.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Test-side half of {@link Scenario}: one dynamic test per scenario method of a target, against one run. */
public final class ScenarioChecks {
    private static final Pattern FACT_REF = Pattern.compile("\\$\\{([^}]+)}");

    private ScenarioChecks() {
    }

    public static Stream<DynamicTest> forTarget(RunResult run, Class<?> target) {
        return ScenarioRunner.scenarios(target).stream()
                .map(m -> DynamicTest.dynamicTest(m.getName(), () -> check(run, target, m)));
    }

    public static void check(RunResult run, Class<?> target, Method scenario) {
        String name = scenario.getName();
        String loop = "loop-" + name;
        String plain = "plain-" + name;
        Map<String, String> facts = run.facts();
        assertThat(facts).as("the target finished its scenarios\n%s", run.describe())
                .containsKey("scenarios.done");
        assertThat(facts.get("error." + loop)).as("scenario %s threw on its registered thread", name).isNull();
        assertThat(facts.get("error." + plain)).as("scenario %s threw on its unregistered thread", name).isNull();

        List<CallSite> sites = run.sitesIn(target, name);
        String seen = "call sites with " + name + " in their stack:\n" + RunResult.describe(sites)
                + "\nall call sites:\n" + RunResult.describe(run.sites());
        for (CallSite s : sites) {
            assertThat(s.threads()).as("an unregistered thread records nothing (%s)\n%s", plain, seen)
                    .doesNotContain(plain);
        }
        List<CallSite> matched = new ArrayList<>();
        for (Expect e : scenario.getAnnotationsByType(Expect.class)) {
            CallSite site = sites.stream()
                    .filter(s -> s.category().equals(e.category()) && s.blockingMethod().equals(e.method()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("expected a '" + e.category() + "' call site "
                            + e.method() + " with " + name + " in its stack on thread " + loop + "; " + seen));
            matched.add(site);
            String what = e.category() + " " + e.method() + " in " + name;
            assertThat(site.threads()).as("threads of %s", what).contains(loop);
            long floor = (long) (e.minMillis() * 1_000_000L * 0.98);
            assertThat(site.minNanos()).as("minNanos of %s (real blocking time %d ms)\n%s", what, e.minMillis(), seen)
                    .isGreaterThanOrEqualTo(floor);
            assertThat(site.maxNanos()).as("maxNanos of %s (lenient upper bound)", what)
                    .isGreaterThanOrEqualTo(site.minNanos()).isLessThan(20_000_000_000L);
            assertThat(site.count()).as("count of %s", what).isGreaterThanOrEqualTo(1);
            if (e.count() >= 0) {
                assertThat(site.count()).as("count of %s", what).isEqualTo(e.count());
            }
            if (!e.detail().equals("\u0000")) {
                assertThat(site.detail()).as("detail of %s", what).isEqualTo(resolve(e.detail(), facts));
            }
            for (String part : e.detailContains()) {
                assertThat(site.detail()).as("detail of %s", what).isNotNull().contains(resolve(part, facts));
            }
            for (String part : e.detailExcludes()) {
                if (site.detail() != null) {
                    assertThat(site.detail()).as("detail of %s", what).doesNotContain(resolve(part, facts));
                }
            }
        }
        if (scenario.getAnnotation(Scenario.class).exclusive()) {
            List<CallSite> extra = new ArrayList<>(sites);
            extra.removeIf(s -> matched.stream().anyMatch(m -> m == s)
                    || matchesAnyExpect(s, scenario));
            assertThat(extra).as("call sites of %s other than the expected ones (nested calls must count once, "
                    + "as the outermost):\n%s\n%s", name, RunResult.describe(extra), seen).isEmpty();
        }
    }

    private static boolean matchesAnyExpect(CallSite s, Method scenario) {
        for (Expect e : scenario.getAnnotationsByType(Expect.class)) {
            if (s.category().equals(e.category()) && s.blockingMethod().equals(e.method())) {
                return true;
            }
        }
        return false;
    }

    static String resolve(String text, Map<String, String> facts) {
        Matcher m = FACT_REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = facts.get(m.group(1));
            if (value == null) {
                throw new AssertionError("target did not report fact '" + m.group(1) + "'");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

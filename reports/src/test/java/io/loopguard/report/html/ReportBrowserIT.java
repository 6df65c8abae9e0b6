package io.loopguard.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens generated reports in Debian's headless Chromium from file:// (installed by .ci/install-browser.sh). Fails,
 * never skips, when the browser is missing: a report nobody opened in a browser is not tested.
 */
class ReportBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "browser-it").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " missing: run .ci/install-browser.sh");
        }
        Path profile = Files.createTempDirectory("loopguard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static Path report(String name, DataFile... files) throws Exception {
        Path dir = OUT.resolve(name);
        Files.createDirectories(dir);
        for (DataFile file : files) {
            DataFileWriter.writeAtomically(file, dir.resolve("loopguard-" + file.jvm().pid() + ".json"));
        }
        return HtmlReport.writeIndex(dir);
    }

    void open(Path html) {
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
    }

    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#sites tbody tr:not(.stack-row)"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void tableSortsFiltersExpandsAndFlameGraphZooms() throws Exception {
        open(report("full", Fixtures.file(101, Fixtures.many(150)), Fixtures.file(102, Fixtures.many(60))));
        assertThat(consoleErrors()).isEmpty();
        assertThat(driver.findElement(By.id("verdict")).getText()).startsWith("150 blocking call sites");
        assertThat(rows()).hasSize(100); // first page
        assertThat(driver.findElement(By.id("page")).getText()).isEqualTo("1\u2013100 of 150");

        // Sorting: by count ascending puts the smallest count first; again, descending.
        String firstByTotal = rows().get(0).getAttribute("data-id");
        driver.findElement(By.cssSelector("th[data-key=count]")).click();
        driver.findElement(By.cssSelector("th[data-key=count]")).click();
        assertThat(js("return document.querySelector('th[data-key=count]').getAttribute('aria-sort')"))
                .isEqualTo("ascending");
        List<Long> counts = rows().stream().map(r -> Long.parseLong(r.findElements(By.tagName("td")).get(5).getText()))
                .toList();
        assertThat(counts).isSorted();
        assertThat(rows().get(0).getAttribute("data-id")).isNotEqualTo(firstByTotal);
        driver.findElement(By.cssSelector("th[data-key=method]")).click();
        List<String> methods = rows().stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
        assertThat(methods).isSorted();

        // Filtering by category, then by text.
        new Select(driver.findElement(By.id("filter-category"))).selectByValue("jdbc");
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.findElement(By.className("cat")).getText())
                .isEqualTo("jdbc"));
        int jdbcRows = rows().size();
        driver.findElement(By.id("filter-text")).sendKeys("Handler3.");
        assertThat(rows().size()).isLessThan(jdbcRows).isPositive();
        assertThat(rows()).allSatisfy(r -> assertThat(r.getText()).contains("Handler3."));
        new Select(driver.findElement(By.id("filter-category"))).selectByValue("");
        driver.findElement(By.id("filter-text")).clear();
        driver.findElement(By.id("filter-text")).sendKeys("no-such-thing");
        assertThat(rows()).isEmpty();
        assertThat(driver.findElement(By.id("page")).getText()).isEqualTo("no matching call site");
        js("var i = document.getElementById('filter-text'); i.value = ''; i.dispatchEvent(new Event('input'));");
        assertThat(rows()).hasSize(100);

        // Expanding a stack shows its frames, the application frame highlighted, JDK frames folded.
        rows().get(0).findElement(By.cssSelector("button.toggle")).click();
        WebElement stack = driver.findElement(By.cssSelector("tr.stack-row"));
        assertThat(stack.isDisplayed()).isTrue();
        assertThat(stack.findElements(By.cssSelector("li.app.primary"))).hasSize(1);
        assertThat(stack.findElement(By.cssSelector("li.app")).getText()).startsWith("demo.handlers.Handler");
        assertThat(stack.findElement(By.cssSelector("details.fold summary")).getText()).contains("JDK frame");
        assertThat(stack.findElement(By.cssSelector("details.fold")).getAttribute("open")).isNull();

        // Flame graph: drawn, and a click on a second-level frame zooms into it.
        WebElement canvas = driver.findElement(By.id("flame"));
        js("arguments[0].scrollIntoView()", canvas);
        assertThat(Integer.parseInt(canvas.getAttribute("data-drawn"))).isGreaterThan(10);
        assertThat(canvas.getAttribute("data-zoom")).isEqualTo("all");
        int width = canvas.getRect().getWidth();
        new Actions(driver).moveToElement(canvas, -width / 2 + 5, -canvas.getRect().getHeight() / 2 + 18 + 9)
                .click().perform();
        assertThat(canvas.getAttribute("data-zoom")).isEqualTo("java.lang.Thread.run");
        new Actions(driver).moveToElement(canvas, -width / 2 + 5, -canvas.getRect().getHeight() / 2 + 36 + 9)
                .click().perform();
        assertThat(canvas.getAttribute("data-zoom")).isEqualTo("io.netty.channel.nio.NioEventLoop.run");
        assertThat(driver.findElement(By.id("flame-status")).getText()).contains("NioEventLoop.run");
        driver.findElement(By.id("flame-reset")).click();
        assertThat(canvas.getAttribute("data-zoom")).isEqualTo("all");

        js("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve("report.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void hostileStringsExecuteNothing() throws Exception {
        open(report("xss", Fixtures.xss()));
        rows().get(0).findElement(By.cssSelector("button.toggle")).click();
        js("document.querySelector('#flame').dispatchEvent(new MouseEvent('mousemove', {clientX: 5, clientY: 5}))");
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("#sites img, #sites svg, #sites script"))).isEmpty();
        assertThat(rows().get(0).getText()).contains("<script>window.__pwned=1</script>");
        assertThat(driver.findElement(By.id("runs")).getAttribute("textContent")).contains("</textarea>");
        Files.write(SCREENSHOTS.resolve("xss.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void emptyStateListsRegisteredThreads() throws Exception {
        DataFile empty = new DataFile(DataFile.FORMAT, Fixtures.jvm(7), List.of(), 0,
                List.of("vert.x-eventloop-thread-0", "reactor-http-nio-2"));
        open(report("empty", empty));
        WebElement box = driver.findElement(By.id("empty"));
        assertThat(box.isDisplayed()).isTrue();
        assertThat(box.getText()).contains("No blocking call was seen on an event-loop thread.")
                .contains("vert.x-eventloop-thread-0").contains("reactor-http-nio-2");
        assertThat(driver.findElement(By.id("sites-section")).isDisplayed()).isFalse();
        Files.write(SCREENSHOTS.resolve("empty.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();
    }

    /**
     * The loops come first: one line per loop thread, busiest first, its busy share of the time registered split into
     * blocking, stall and other work; the same thread of two runs adds up.
     */
    @Test
    void loopsShowTheBusyShareSplitIntoBlockingStallAndOther() throws Exception {
        io.loopguard.format.LoopTime busy = new io.loopguard.format.LoopTime("vert.x-eventloop-thread-0",
                Fixtures.T0.plusSeconds(1), 4_000_000_000L, 1_220_000_000L, java.util.Map.of("jdbc", 600_000_000L,
                "sleep", 80_000_000L), 180_000_000L);
        io.loopguard.format.LoopTime idle = new io.loopguard.format.LoopTime("vert.x-eventloop-thread-1",
                Fixtures.T0.plusSeconds(1), 8_000_000_000L, 80_000_000L, java.util.Map.of(), 0);
        DataFile first = new DataFile(DataFile.FORMAT, Fixtures.jvm(21), List.of(), 0, List.of(), 0, null,
                List.of(idle, busy));
        DataFile second = new DataFile(DataFile.FORMAT, Fixtures.jvm(22), List.of(), 0, List.of(), 0, null,
                List.of(busy));
        open(report("loops", first, second));
        assertThat(consoleErrors()).isEmpty();
        WebElement section = driver.findElement(By.id("loops-section"));
        assertThat(section.isDisplayed()).isTrue();
        assertThat((Boolean) js("var m = document.querySelector('main'); return m.firstElementChild.nextElementSibling"
                + ".id === 'loops-section' && !document.getElementById('loops-section').hidden;"))
                .as("the loops are the first section").isTrue();
        List<WebElement> loops = driver.findElements(By.cssSelector("#loops tbody tr"));
        assertThat(loops).extracting(r -> r.getAttribute("data-thread"))
                .containsExactly("vert.x-eventloop-thread-0", "vert.x-eventloop-thread-1"); // busiest first
        assertThat(loops.get(0).getText()).contains("8.00 s").contains("2.44 s (30.5 %)")
                .contains("1.36 s (55.7 % of busy)").contains("360 ms (14.8 % of busy)")
                .contains("720 ms (29.5 % of busy)");
        List<WebElement> segments = loops.get(0).findElements(By.cssSelector(".bar span"));
        assertThat(segments).extracting(e -> e.getAttribute("class"))
                .containsExactly("seg-blocking", "seg-stall", "seg-other");
        assertThat(segments.get(0).getAttribute("title")).startsWith("blocking calls: sleep 160 ms, jdbc 1.20 s: 1.36 s");
        assertThat(segments.get(0).getAttribute("style")).contains("width: 17%");
        assertThat(loops.get(1).getText()).contains("80.0 ms (1 %)");
        assertThat(driver.findElement(By.id("empty")).isDisplayed()).as("still no call site").isTrue();
        Files.write(SCREENSHOTS.resolve("loops.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Per loop, its longest blocks and stalls on the run's wall clock (earliest first in the list, each linked to its
     * call site, which opens on the right page with its stack); the call-site table's p50 and p99 come from the
     * sites' histograms, and a site without one (an earlier agent's file) shows a dash.
     */
    @Test
    void timelineShowsTheLongestBlocksAndStallsAndTheTableHasPercentiles() throws Exception {
        io.loopguard.format.CallSite fixture = Fixtures.site(io.loopguard.format.Category.JDBC,
                "java.sql.Statement.executeQuery", "SELECT ?", Fixtures.app("demo.Repo", "find", 7), 4, 999_999,
                "vert.x-eventloop-thread-0");
        io.loopguard.format.CallSite jdbc = new io.loopguard.format.CallSite(fixture.id(), fixture.category(),
                fixture.blockingMethod(), fixture.detail(), fixture.threads(), 4, 999_999, 100_000, 699_999,
                fixture.firstSeen(), fixture.lastSeen(), fixture.stack(), List.of(), null,
                io.loopguard.format.DurationHistogram.ofDurations(100_000, 100_000, 100_000, 699_999));
        io.loopguard.format.CallSite stall = Fixtures.site(io.loopguard.format.Category.STALL,
                "org.mindrot.jbcrypt.BCrypt.hashpw", "org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)",
                Fixtures.app("demo.Login", "hash", 9), 1, 340_000_000,
                "vert.x-eventloop-thread-0");
        List<io.loopguard.format.CallSite> sites = new java.util.ArrayList<>(Fixtures.many(150));
        sites.add(jdbc);
        sites.add(stall);
        io.loopguard.format.LoopTime loop = new io.loopguard.format.LoopTime("vert.x-eventloop-thread-0",
                Fixtures.T0.plusSeconds(1), 8_000_000_000L, 2_000_000_000L, java.util.Map.of("jdbc", 130_000_000L),
                340_000_000L, List.of(
                        new io.loopguard.format.BlockedStretch("stall", stall.id(), Fixtures.T0.plusMillis(6_500), 340_000_000L),
                        new io.loopguard.format.BlockedStretch("jdbc", jdbc.id(), Fixtures.T0.plusMillis(2_250), 699_999L)));
        open(report("timeline", new DataFile(DataFile.FORMAT, Fixtures.jvm(31), sites, 0, List.of(), 0, null,
                List.of(loop))));
        assertThat(consoleErrors()).isEmpty();
        WebElement timeline = driver.findElement(By.id("timeline-section"));
        assertThat(timeline.isDisplayed()).isTrue();
        assertThat(timeline.getText()).contains("10:00:00.000 \u2013 10:00:09.000");
        List<WebElement> marks = driver.findElements(By.cssSelector("#timeline .track a"));
        assertThat(marks).extracting(e -> e.getAttribute("class")).containsExactly("blocking", "stall");
        assertThat(marks.get(0).getAttribute("title"))
                .isEqualTo("10:00:02.250 700 \u00b5s \u2013 jdbc java.sql.Statement.executeQuery");
        assertThat(marks.get(1).getAttribute("style")).contains("left: 72.2").contains("width: 3.7");
        List<WebElement> items = driver.findElements(By.cssSelector("#timeline ol li"));
        assertThat(items).extracting(WebElement::getText).containsExactly(
                "10:00:02.250 700 \u00b5s \u2013 jdbc java.sql.Statement.executeQuery",
                "10:00:06.500 340 ms \u2013 stall in org.mindrot.jbcrypt.BCrypt.hashpw");

        // the jdbc site is on the second page (the 151 others are more blocked): the link opens it with its stack
        items.get(0).findElement(By.tagName("a")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#sites tr[data-id='" + jdbc.id() + "']")).isEmpty());
        WebElement row = driver.findElement(By.cssSelector("#sites tr[data-id='" + jdbc.id() + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        // p50 interpolated inside the bucket [98.3 µs, 115 µs) from the site's min; p99 in the last call's bucket, kept
        // within the site's max
        assertThat(cells.get(cells.size() - 2).getText()).as("p50").isEqualTo("110 \u00b5s");
        assertThat(cells.get(cells.size() - 1).getText()).as("p99").isEqualTo("700 \u00b5s");
        assertThat(driver.findElement(By.id("page")).getText()).startsWith("101\u2013152 of 152");
        assertThat(driver.findElements(By.cssSelector("#sites tr.stack-row")).size()).as("its stack is open")
                .isPositive();
        assertThat(driver.findElement(By.cssSelector("#sites tr.stack-row .durations")).getText())
                .startsWith("Durations: min 100 \u00b5s \u00b7 p50 110 \u00b5s \u00b7 p90 700 \u00b5s \u00b7 p99 700 \u00b5s \u00b7 max 700 \u00b5s");
        Files.write(SCREENSHOTS.resolve("timeline.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        // a site without a histogram: a dash, unless it had a single call (then p50 = p99 = its duration)
        driver.findElement(By.id("filter-text")).sendKeys("Blocking3");
        List<WebElement> other = driver.findElement(By.cssSelector("#sites tbody tr")).findElements(By.tagName("td"));
        assertThat(other.get(other.size() - 1).getText()).isEqualTo("\u2013");
        driver.findElement(By.id("filter-text")).clear();
        driver.findElement(By.id("filter-text")).sendKeys("BCrypt");
        WebElement stallRow = driver.findElement(By.cssSelector("#sites tr[data-id='" + stall.id() + "']"));
        List<WebElement> stallCells = stallRow.findElements(By.tagName("td"));
        assertThat(stallCells.get(stallCells.size() - 1).getText()).as("its one call's duration (the fixture's max)")
                .isEqualTo("680 ms");
        assertThat(stallRow.findElement(By.cssSelector("td.detail")).getText()).as("a stall's detail is its busiest frame")
                .isEqualTo("busiest: org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)");
    }

    /** Issue 9: a lone surrogate used to crash {@code chromium --headless --dump-dom}; control characters too. */
    @Test
    void loneSurrogatesAndControlCharactersInThreadNamesRender() throws Exception {
        String thread = "loop-\ud800-\udc00-\u0000\u001b[31m\n\r\t\u2028\u0085-end";
        io.loopguard.format.CallSite site = Fixtures.site(io.loopguard.format.Category.SLEEP, "java.lang.Thread.sleep",
                "detail \ud800 \u0001", Fixtures.app("demo.A", "a", 3), 1, 1_000_000, thread);
        DataFile file = new DataFile(DataFile.FORMAT, Fixtures.jvm(12), List.of(site), 42, List.of(thread), 1,
                "java.lang.IllegalStateException: \ud800 boom");
        Path html = report("surrogates", file);
        open(html);
        assertThat(rows()).hasSize(1);
        String row = rows().get(0).getText();
        assertThat(row).contains("loop-\\ud800-\\udc00-").contains("-end");
        assertThat(driver.findElement(By.id("warnings")).getText())
                .contains("The agent failed to start in pid 12").contains("\\ud800 boom")
                .contains("42 calls of further call sites were dropped in pid 12 (maxSites=1)");
        assertThat(consoleErrors()).isEmpty();

        // The crash was in Chromium's DOM serialiser: run exactly that.
        Process dump = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("loopguard-dump-"),
                "--dump-dom", html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dump.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(dom).isZero();
        assertThat(dom).contains("loop-\\ud800-\\udc00-").contains("data-ready=\"true\"");
    }

    /** Issue 14: the check's verdict on top, a badge per site; issue 14: the tests during which a site occurred. */
    @Test
    void checkVerdictBaselineBadgesAndTestsRender() throws Exception {
        io.loopguard.format.CallSite jdbc = Fixtures.site(io.loopguard.format.Category.JDBC,
                "java.sql.Statement.executeQuery", "SELECT ?", Fixtures.app("demo.A", "a", 10), 2, 30_000_000,
                "loop-0");
        io.loopguard.format.CallSite sleep = Fixtures.site(io.loopguard.format.Category.SLEEP,
                "java.lang.Thread.sleep", null, Fixtures.app("demo.B", "b", 20), 1, 1_000_000, "loop-1");
        io.loopguard.format.CallSite sleepInTests = new io.loopguard.format.CallSite(sleep.id(), sleep.category(),
                sleep.blockingMethod(), null, sleep.threads(), 1, 1_000_000, 1_000_000, 1_000_000, sleep.firstSeen(),
                sleep.lastSeen(), sleep.stack(), List.of("demo.BTest#sleeps()", "demo.BTest#sleepsAgain()"));
        io.loopguard.report.model.MergedReport merged = new io.loopguard.report.model.MergedReport(List.of(),
                List.of(jdbc, sleepInTests), 0, List.of(), List.of());
        io.loopguard.report.check.Baseline baseline = io.loopguard.report.check.Baseline.of(List.of(jdbc));

        io.loopguard.report.model.SourcePaths links = new io.loopguard.report.model.SourcePaths(List.of(), Path.of(""),
                "https://git.example/o/r/blob/main/{path}#L{line}");
        Path failing = io.loopguard.report.ReportFiles.writeAll(merged, io.loopguard.report.check.Checker.check(merged,
                io.loopguard.report.check.Rules.strict(), baseline), links, "it", OUT.resolve("verdict-fail"));
        open(failing);
        WebElement check = driver.findElement(By.id("check"));
        assertThat(check.getAttribute("class")).contains("fail");
        assertThat(check.getText()).startsWith("FAILED")
                .contains("1 blocking call site on event-loop threads violates the loopguard rules (max-sites 0, "
                        + "all categories; 1 more are baselined).")
                .contains("1 new call site failing \u00b7 1 baselined call site \u00b7 0 baseline entries fixed");
        assertThat(driver.findElements(By.cssSelector("#sites .badge.violation"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#sites .badge.baselined"))).hasSize(1);
        WebElement sleepRow = driver.findElement(By.cssSelector("#sites tr[data-id='" + sleep.id() + "']"));
        assertThat(sleepRow.getText()).contains("new");
        assertThat(sleepRow.findElement(By.cssSelector("a.source")).getAttribute("href"))
                .isEqualTo("https://git.example/o/r/blob/main/demo/B.java#L20");
        sleepRow.findElement(By.cssSelector("button.toggle")).click();
        assertThat(driver.findElement(By.cssSelector("#sites .tests")).getText())
                .isEqualTo("During 2 tests: demo.BTest#sleeps(), demo.BTest#sleepsAgain()");
        Files.write(SCREENSHOTS.resolve("verdict-fail.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();

        io.loopguard.report.check.Baseline both = io.loopguard.report.check.Baseline.of(List.of(jdbc, sleep));
        Path passing = io.loopguard.report.ReportFiles.writeAll(merged, io.loopguard.report.check.Checker.check(merged,
                io.loopguard.report.check.Rules.strict(), both), io.loopguard.report.model.SourcePaths.none(), "it",
                OUT.resolve("verdict-pass"));
        open(passing);
        check = driver.findElement(By.id("check"));
        assertThat(check.getAttribute("class")).contains("pass");
        assertThat(check.getText()).startsWith("PASSED").contains("All loopguard checks have been met")
                .contains("0 new call sites failing");
        assertThat(driver.findElements(By.cssSelector("#sites .badge.baselined"))).hasSize(2);

        // The agent's own report (no check ran) shows no verdict at all.
        open(report("no-check", Fixtures.file(31, List.of(jdbc))));
        assertThat(driver.findElement(By.id("check")).isDisplayed()).isFalse();
    }

    /** Issue 14: search with the share matched, the inverted view, runs of framework frames folded. */
    @Test
    void flameGraphSearchesInvertsAndFoldsFrameworkFrames() throws Exception {
        List<io.loopguard.format.Frame> deep = new java.util.ArrayList<>();
        deep.add(new io.loopguard.format.Frame("java.lang.Thread", "sleep", "Thread.java", 1));
        deep.add(new io.loopguard.format.Frame("demo.Handler", "handle", "Handler.java", 42));
        for (int i = 0; i < 30; i++) {
            deep.add(new io.loopguard.format.Frame("io.netty.channel.Ctx" + i, "fire", "Ctx.java", i));
        }
        deep.add(new io.loopguard.format.Frame("java.lang.Thread", "run", "Thread.java", 840));
        io.loopguard.format.CallSite sleep = new io.loopguard.format.CallSite(
                io.loopguard.format.CallSiteId.of("sleep", "java.lang.Thread.sleep", deep), "sleep",
                "java.lang.Thread.sleep", null, List.of("loop-0"), 1, 30_000_000, 30_000_000, 30_000_000,
                Fixtures.T0, Fixtures.T0, deep);
        io.loopguard.format.CallSite jdbc = Fixtures.site(io.loopguard.format.Category.JDBC,
                "java.sql.Statement.executeQuery", "SELECT ?", Fixtures.app("demo.Repo", "find", 7), 1, 10_000_000,
                "loop-0");
        open(report("flame", Fixtures.file(41, List.of(sleep, jdbc))));
        WebElement canvas = driver.findElement(By.id("flame"));
        js("arguments[0].scrollIntoView()", canvas);
        int folded = Integer.parseInt(canvas.getAttribute("data-drawn"));
        driver.findElement(By.id("flame-fold")).click();
        int unfolded = Integer.parseInt(canvas.getAttribute("data-drawn"));
        assertThat(unfolded).as("30 Netty rows drawn when not folded").isGreaterThanOrEqualTo(folded + 29);
        driver.findElement(By.id("flame-fold")).click();

        driver.findElement(By.id("flame-search")).sendKeys("demo.Repo");
        assertThat(canvas.getAttribute("data-matched")).isEqualTo("25.0"); // 10 ms of 40 ms
        assertThat(driver.findElement(By.id("flame-matched")).getText()).isEqualTo("matched: 25.0% of blocked time");

        assertThat(canvas.getAttribute("data-top")).isEqualTo("java.lang.Thread.run");
        driver.findElement(By.id("flame-invert")).click();
        assertThat(canvas.getAttribute("data-inverted")).isEqualTo("true");
        assertThat(canvas.getAttribute("data-top")).as("inverted: the blocking calls on top")
                .isEqualTo("java.lang.Thread.sleep");
        Files.write(SCREENSHOTS.resolve("flame-inverted.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();
    }

    /** Issue 13: a call site a framework's allowance matched has its own section, naming the allowance, not a row. */
    @Test
    void callSitesAllowedByAFrameworkHaveTheirOwnSection() throws Exception {
        io.loopguard.format.CallSite sleep = Fixtures.site(io.loopguard.format.Category.SLEEP, "java.lang.Thread.sleep",
                null, Fixtures.app("demo.Handler", "handle", 12), 1, 30_000_000, "nioEventLoopGroup-3-1");
        io.loopguard.format.CallSite urandom = Fixtures.site(io.loopguard.format.Category.FILE,
                "java.io.FileInputStream.read", "/dev/urandom",
                new io.loopguard.format.Frame("io.netty.handler.ssl.SslHandler", "handshake", "SslHandler.java", 1900),
                4, 2_000_000, "nioEventLoopGroup-3-1").withAllowedBy("netty: io.netty.handler.ssl.SslHandler#handshake");
        open(report("allowed", new DataFile(DataFile.FORMAT, Fixtures.jvm(31), List.of(sleep, urandom), 0,
                List.of("nioEventLoopGroup-3-1"))));
        assertThat(consoleErrors()).isEmpty();
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains("java.lang.Thread.sleep");
        WebElement section = driver.findElement(By.id("allowed-section"));
        assertThat(section.isDisplayed()).isTrue();
        assertThat(section.getText()).contains("Allowed by framework policy");
        List<WebElement> allowed = driver.findElements(By.cssSelector("#allowed tbody tr"));
        assertThat(allowed).singleElement().satisfies(row -> assertThat(row.getText())
                .contains("netty: io.netty.handler.ssl.SslHandler#handshake").contains("/dev/urandom")
                .contains("java.io.FileInputStream.read").contains("nioEventLoopGroup-3-1"));
        Files.write(SCREENSHOTS.resolve("allowed.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}

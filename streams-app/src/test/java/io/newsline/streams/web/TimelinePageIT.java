package io.newsline.streams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The timelines page driven in a real headless Chromium (the system's {@code chromium} and {@code chromedriver},
 * through Selenium) against the real app on a real broker, fed by the real producer: search as you type, open the
 * Netanyahu timeline with the keyboard, both seeds in date order (newest first), and a new article appears without
 * a reload. Skipped, with the reason, where no Chromium is installed ({@code .ci/run} installs it).
 *
 * <p>{@code -Dnewsline.screenshot=PATH} (or {@code NEWSLINE_SCREENSHOT}) saves a screenshot of the timeline there:
 * the README's is {@code docs/timeline-page.png}, made with {@code -Dnewsline.screenshot=../docs/timeline-page.png}.
 */
@WithRealKafkaAndRegistry
class TimelinePageIT {
    private static final Path SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize();
    private static final Path LATE_REPORT = Path.of("src", "test", "resources", "fixtures", "web", "late-report.txt");
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("NEWSLINE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("NEWSLINE_CHROMIUM", "/usr/bin/chromium"));
    private static final Duration PATIENCE = AppInstances.PATIENCE;

    private static AppInstances instances;
    private static WebDriver browser;
    private static URI page;

    @BeforeAll
    static void start(ApicurioRegistry registry, @TempDir Path state) {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "No headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): the browser tests are skipped. "
                        + "Install it with `apt-get install chromium chromium-driver`, or set NEWSLINE_CHROMIUM and "
                        + "NEWSLINE_CHROMEDRIVER.");
        instances = AppInstances.start(registry, state, 1, 3);
        page = instances.urls.get(0);
        assertThat(instances.produce(SEEDS)).isZero();
        await().atMost(PATIENCE).until(() -> {
            Http.Answer answer = Http.get(page, "/api/topics/benjamin-netanyahu");
            return answer.status() == 200 && ((Number) answer.json().get("totalEntries")).intValue() == 2;
        });

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1400", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void searchOpenTheNetanyahuTimelineAndSeeANewArticleArriveWithoutAReload() throws Exception {
        // The page re-renders lists as answers come in: an element found a moment ago may be gone.
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> pageState(browser)); // a wait that times out says where the page was
        browser.get(page.toString());
        String loadedAt = browser.findElement(By.tagName("html")).getDomAttribute("data-loaded-at");

        WebElement search = browser.findElement(By.id("search"));
        assertThat(browser.findElement(By.cssSelector("label[for=search]")).getText())
                .isEqualTo("Search topics");
        search.sendKeys("Netan");
        // The person first (most entries, ties by id); the seeds' story may follow, when its label names him.
        wait.until(driver -> {
            List<String> labels = texts(driver, "#results .label");
            return !labels.isEmpty() && labels.get(0).equals("Benjamin Netanyahu");
        });
        search.sendKeys(Keys.ENTER); // the keyboard opens the first result

        wait.until(
                driver -> driver.findElements(By.cssSelector("#entries .entry")).size() == 2);
        assertThat(browser.findElement(By.id("timeline-title")).getText()).isEqualTo("Benjamin Netanyahu");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("timeline-title");
        List<String> dates = attributes(browser, "#entries .entry time", "datetime");
        assertThat(dates).hasSize(2);
        assertThat(dates.get(0)).isGreaterThan(dates.get(1)); // newest first
        assertThat(dates.get(1)).isEqualTo("2025-05-13T00:00:00Z");
        assertThat(texts(browser, "#entries .entry .byline"))
                .containsExactly("By Ethan Brown Pheels", "By Benjamin Calderwood");
        assertThat(texts(browser, "#entries .entry .date-note").get(0)).contains("file's date");

        Path inbox = Files.createTempDirectory("newsline-page-it");
        Files.copy(LATE_REPORT, inbox.resolve("late-report.txt"));
        assertThat(instances.produce(inbox)).isZero();
        wait.until(
                driver -> driver.findElements(By.cssSelector("#entries .entry")).size() == 3);
        // In date order (newest first), wherever the new one falls (the second seed is dated by its file).
        List<String> after = attributes(browser, "#entries .entry time", "datetime");
        assertThat(after).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        WebElement arrived = browser.findElement(By.cssSelector("#entries .entry.new"));
        assertThat(arrived.findElement(By.tagName("h3")).getText())
                .isEqualTo("Netanyahu Meets Families of Captives as Ceasefire Proposal Circulates");
        assertThat(arrived.findElement(By.tagName("time")).getDomAttribute("datetime"))
                .isEqualTo("2026-12-01T00:00:00Z");
        assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("1 new article just arrived.");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("data-loaded-at"))
                .isEqualTo(loadedAt);

        // The entry's other topics, loaded from the article on demand, link to their timelines.
        WebElement more = browser.findElement(By.cssSelector("#entries .entry .article-more summary"));
        more.click();
        wait.until(driver -> !driver.findElements(By.cssSelector("#entries .entry .topics a"))
                .isEmpty());
        assertThat(attributes(browser, "#entries .entry .topics a", "href"))
                .anyMatch(href -> href.endsWith("#/topic/israel"));

        String screenshot = System.getProperty("newsline.screenshot", System.getenv("NEWSLINE_SCREENSHOT"));
        if (screenshot != null && !screenshot.isBlank()) {
            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Path.of(screenshot).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the reader would see: the address, the status line, the view shown, the timeline's title and entries. */
    private static String pageState(WebDriver driver) {
        try {
            return "the page at " + driver.getCurrentUrl()
                    + ", status \"" + texts(driver, "#status") + "\""
                    + ", results " + (driver.findElement(By.id("results-view")).isDisplayed() ? "shown " : "hidden ")
                    + texts(driver, "#results .label")
                    + ", timeline title \"" + texts(driver, "#timeline-title") + "\""
                    + ", entries " + texts(driver, "#entries .entry h3");
        } catch (RuntimeException e) {
            return "the page's state could not be read: " + e;
        }
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> attributes(WebDriver driver, String css, String name) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(element -> element.getDomAttribute(name))
                .toList();
    }
}

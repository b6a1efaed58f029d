package clinic.local.stack.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (both paths given, so Selenium
 * never downloads a browser or driver), with the helpers the UI tests share: waits, form input,
 * screenshots, and the browser log, which fails a test on any JavaScript error.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("clinic.ui.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("clinic.ui.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    static final String BROWSER_TIME_ZONE = "Pacific/Auckland";

    /**
     * The API answers these with problem+json the screens show; Chromium still logs each as an
     * error. For an appointment's messages, 404 means content-service has not heard of the
     * appointment yet, and 503 that booking's circuit breaker towards content-service is open
     * (it counts those 404s as failures); the page says so and the tests wait for the list.
     */
    private static final Pattern EXPECTED_API_ANSWER = Pattern.compile(
            ".*/api/.* Failed to load resource: the server responded with a status of (400|401|409|422) .*"
                    + "|.*/api/appointments/[0-9a-f-]{36}/messages - Failed to load resource: the server responded with a status of (404|503) .*"
                    // a patient opening a link that was used, replaced or has expired: the page says so
                    + "|.*/public/intake/.* Failed to load resource: the server responded with a status of (404|410) .*"
                    // a merged or erased patient's page: the page says so
                    + "|.*/api/patients/[0-9a-f-]{36}(/appointments)? - Failed to load resource: the server responded with a status of 410 .*");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Skips the calling test, in one plain line, where Chromium or its driver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)");
    }

    static Browser open(String baseUrl, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("clinic-ui-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the browser runs far from the clinic's zone, so a time rendered in the browser's zone would show
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", BROWSER_TIME_ZONE)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        // axe-core runs as an asynchronous script and takes a few seconds on a busy machine
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile, baseUrl);
    }

    void go(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        // found again when the page draws it anew between finding and clicking (a refresh, a live update)
        wait.until(d -> {
            try {
                WebElement element = clickable(by);
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            } catch (StaleElementReferenceException drawnAgain) {
                return false;
            }
        });
    }

    void type(By by, String text) {
        WebElement element = visible(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Date inputs take keyboard input in the browser's locale format; setting the value is locale-proof. */
    void setDate(By by, String isoDate) {
        WebElement element = visible(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, isoDate);
    }

    WebElement textAppears(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /** Waits until the slot picker has an answer with at least one free slot (not "Looking for free slots…"). */
    void slotsLoaded() {
        wait.until(d -> d.findElement(By.id("slot-status")).getText().matches("\\d+ free slots .*"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void signIn(String user) {
        go("#/calendar");
        type(By.id("signin-username"), user);
        type(By.id("signin-password"), user);
        click(By.id("signin-submit"));
        textAppears(By.id("session-user"), "Signed in as " + user);
    }

    void signOut() {
        click(By.id("sign-out"));
        visible(By.id("signin-form"));
    }

    /** Fails with the list of axe-core's serious and critical findings on the page as it is now. */
    void assertAccessible(String screen) {
        List<String> violations = Axe.seriousViolations(this);
        org.junit.jupiter.api.Assertions.assertTrue(violations.isEmpty(),
                "axe-core finds serious or critical accessibility violations on " + screen + ": " + violations);
    }

    /** How many requests the page made to booking's API so far whose path starts with the prefix (from the browser's own timing records). */
    long apiRequests(String pathPrefix) {
        return ((Number) script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname.startsWith(arguments[0])).length", pathPrefix)).longValue();
    }

    /** Renders the page as for printing (true) or for the screen (false), so print layouts can be checked and looked at. */
    void printMedia(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** Saves the page as target/ui-screenshots/<name>.png for a person to look at. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** A screenshot with the element scrolled to the top of the window. */
    void screenshotAt(By by, String name) throws IOException {
        script("arguments[0].scrollIntoView({block: 'start'})", visible(by));
        screenshot(name);
    }

    /** Browser-log errors since the last call, other than the API's expected 4xx answers. */
    List<String> javascriptErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !EXPECTED_API_ANSWER.matcher(entry.getMessage()).matches()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

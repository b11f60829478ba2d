package dev.voicebot.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live view in a real headless Chromium: a typed command moves the robot on the page, E-STOP stops
 * it, push-to-talk audio reaches the server, the style can be changed. Saves target/web-view.png.
 */
class WebViewBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;

    private static final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
    private static WebView web;
    private static RobotRuntime runtime;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Path configFile = tmp.resolve("robot.yaml");
        // a generous watchdog: a loaded CI machine running Chromium must not trip it mid-test
        Files.writeString(configFile, """
                mqtt: {watchdogTimeout: 5s}
                sim:
                  obstacles:
                    - {shape: circle, name: pillar, x: 3.0, y: -0.6, radius: 0.3}
                    - {shape: rect, name: table, x: 1.2, y: 1.6, width: 1.2, height: 0.7}
                  geofence: [[-1.5, -2], [4.5, -2], [4.5, 3], [-1.5, 3]]
                """, StandardCharsets.UTF_8);
        RobotConfig config = new ConfigLoader().load(Optional.of(configFile), Map.of());
        web = WebView.start(config, VoiceInput.notConfigured(VoiceInput.NO_MODEL));
        runtime = RobotRuntime.start(config, web.wrap(events::add));
        web.attach(runtime);
        browser = chrome(tmp.resolve("chrome-profile"));
    }

    static WebDriver chrome(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,900",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(50));
        wait.withMessage(WebViewBrowserTest::diagnostics);
        return wait;
    }

    private static double number(String id) {
        String text = browser.findElement(By.id(id)).getText();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String diagnostics() {
        return "page log:\n" + logText() + "\nruntime events: " + events + "\nbrowser console: "
                + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
    }

    private static String logText() {
        return browser.findElement(By.id("log")).getText();
    }

    @Test
    void typeACommandSeeTheRobotMovePressEstopSeeItStop() throws Exception {
        browser.get(web.url().toString());
        waitUpTo(20).until(d -> d.findElement(By.id("robot-id")).getText().equals("robot1")
                && d.findElement(By.id("pose-x")).getText().equals("0.00"));
        assertTrue(logText().contains("ready"), WebViewBrowserTest::diagnostics);

        WebElement say = browser.findElement(By.id("say-text"));
        say.sendKeys("move forward three meters", Keys.ENTER);
        waitUpTo(20).until(d -> number("pose-x") > 0.4);
        assertEquals("moving", browser.findElement(By.id("activity")).getText());
        waitUpTo(5).until(d -> logText().contains("\"move forward three meters\"") && logText().contains("move 3 m at 0.3 m/s"));

        browser.findElement(By.id("estop")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("estop-banner")).isDisplayed()
                && d.findElement(By.id("activity")).getText().equals("idle"));
        double stoppedAt = number("pose-x");
        Thread.sleep(600);
        assertEquals(stoppedAt, number("pose-x"), 1e-9, "no motion after E-STOP");
        assertTrue(stoppedAt < 2.9, "stopped short of 3 m: " + stoppedAt);
        assertEquals(stoppedAt, runtime.lastState().orElseThrow().x(), 0.01, "the page shows the robot's state");
        waitUpTo(5).until(d -> logText().contains("estop-engaged"));
        assertTrue(events.stream().anyMatch(e -> e instanceof RuntimeEvent.Safety s && s.decision().equals("estop-engaged")), events.toString());

        // a command while the e-stop is latched is refused, visibly
        browser.findElement(By.id("say-text")).sendKeys("turn left", Keys.ENTER);
        waitUpTo(10).until(d -> logText().lines().filter(l -> l.contains("safety")).count() >= 2);
        Thread.sleep(300);
        assertEquals(stoppedAt, number("pose-x"), 1e-9);

        Object painted = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const c = document.getElementById('map'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++; } return n;");
        assertTrue(((Number) painted).longValue() > 2_000, "the map shows the robot, trail, obstacles and walls: " + painted + " dark pixels");
        Files.createDirectories(Path.of("target"));
        Path shot = Path.of("target", "web-view.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000, "screenshot saved: " + shot.toAbsolutePath());

        browser.findElement(By.id("estop-reset")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("estop-banner")).isDisplayed());
    }

    @Test
    void pushToTalkAudioReachesTheServerAndStyleChangesArePublished() {
        browser.get(web.url().toString());
        waitUpTo(20).until(d -> d.findElement(By.id("robot-id")).getText().equals("robot1"));
        assertTrue(browser.findElement(By.id("ptt-note")).getText().contains("not configured"));
        new Actions(browser).clickAndHold(browser.findElement(By.id("ptt"))).pause(Duration.ofMillis(1200)).release().perform();
        waitUpTo(10).until(d -> logText().contains("speech recognition not configured"));
        String line = logText().lines().filter(l -> l.contains("speech recognition not configured")).reduce((a, b) -> b).orElseThrow();
        double seconds = Double.parseDouble(line.replaceAll(".*received ([0-9.]+) s of audio.*", "$1"));
        assertTrue(seconds > 0.3, "the fake microphone's audio arrived: " + line);

        new Select(browser.findElement(By.id("style-tone"))).selectByVisibleText("playful");
        waitUpTo(10).until(d -> logText().contains("tone playful, detail normal, Korean polite"));
    }
}

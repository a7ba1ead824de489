package dev.daybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows, checked for what matters: when they run, what they may touch, that
 * they deploy with the official Pages actions, and that no input is spliced into a script.
 */
class WorkflowsTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode workflow(String name) throws IOException {
    return YAML.readTree(Files.readString(Path.of(".github/workflows", name)));
  }

  static List<JsonNode> steps(JsonNode workflow) {
    List<JsonNode> steps = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
    return steps;
  }

  static List<String> uses(JsonNode workflow) {
    return steps(workflow).stream().map(s -> s.path("uses").asText()).filter(u -> !u.isEmpty())
        .toList();
  }

  @Test
  void dailyRunsAfterMidnightInTheReportTimeZoneOffTheHour() throws IOException {
    JsonNode daily = workflow("daily.yml");
    String cron = daily.path("on").path("schedule").get(0).path("cron").asText();
    String[] fields = cron.split(" ");
    int minute = Integer.parseInt(fields[0]);
    int hour = Integer.parseInt(fields[1]);
    assertThat(minute).as("off the hour").isNotZero();
    LocalTime shanghai = java.time.LocalDate.of(2026, 1, 1).atTime(hour, minute)
        .atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalTime();
    assertThat(shanghai).isBetween(LocalTime.of(0, 1), LocalTime.of(2, 0));
    JsonNode inputs = daily.path("on").path("workflow_dispatch").path("inputs");
    assertThat(inputs.has("date")).isTrue();
    assertThat(inputs.has("to")).isTrue();
  }

  @Test
  void dailyHasLeastPrivilegeAndOneRunAtATime() throws IOException {
    JsonNode daily = workflow("daily.yml");
    assertThat(daily.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(daily.path("concurrency").path("group").asText()).isNotBlank();
    assertThat(daily.path("concurrency").path("cancel-in-progress").asBoolean()).isFalse();
    JsonNode generate = daily.path("jobs").path("generate");
    assertThat(generate.path("permissions").path("contents").asText()).isEqualTo("write");
    JsonNode deploy = daily.path("jobs").path("deploy");
    assertThat(deploy.path("needs").asText()).isEqualTo("generate");
    assertThat(deploy.path("permissions").path("pages").asText()).isEqualTo("write");
    assertThat(deploy.path("permissions").path("id-token").asText()).isEqualTo("write");
    assertThat(deploy.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(deploy.path("environment").path("name").asText()).isEqualTo("github-pages");
  }

  @Test
  void dailyGeneratesCommitsBuildsAndDeploysWithTheOfficialActions() throws IOException {
    JsonNode daily = workflow("daily.yml");
    assertThat(uses(daily)).contains("actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4");
    assertThat(steps(daily)).anyMatch(s -> s.path("with").path("cache").asText().equals("maven"));
    String scripts = String.join("\n", steps(daily).stream()
        .map(s -> s.path("run").asText()).toList());
    assertThat(scripts).contains("./daybook generate --date")
        .contains("git push")
        .contains("./daybook build --base-url");
    assertThat(daily.toString()).contains("secrets.GITHUB_TOKEN");
  }

  /**
   * The deploy job builds incrementally: it restores the last run's output and build cache before
   * the build, under a key that changes with the code (a new version builds cold), and saves them.
   */
  @Test
  void deployRestoresTheLastBuildBeforeBuilding() throws IOException {
    JsonNode deploy = workflow("daily.yml").path("jobs").path("deploy");
    List<JsonNode> steps = new ArrayList<>();
    deploy.path("steps").forEach(steps::add);
    int cache = -1;
    int build = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).path("uses").asText().equals("actions/cache@v4")
          && steps.get(i).path("with").path("path").asText().contains(".daybook")) {
        cache = i;
      }
      if (steps.get(i).path("run").asText().contains("./daybook build")) {
        build = i;
      }
    }
    assertThat(cache).as("an actions/cache step").isNotNegative().isLessThan(build);
    JsonNode with = steps.get(cache).path("with");
    assertThat(with.path("path").asText().lines().map(String::strip))
        .contains("output", ".daybook");
    String key = with.path("key").asText();
    assertThat(key).contains("hashFiles('pom.xml', 'src/main/**')").contains("github.run_id");
    assertThat(key).startsWith(with.path("restore-keys").asText());
  }

  /**
   * Both jobs take Daybook's jar (and the class data archive a build records) from the cache when
   * the JDK and the code are the same, and run Maven only when it is not there; only the deploy
   * job, whose build records the archive, saves them.
   */
  @Test
  void bothJobsTakeTheKeptJarAndOnlyTheDeployJobSavesItWithItsClassDataArchive()
      throws IOException {
    JsonNode jobs = workflow("daily.yml").path("jobs");
    Set<String> keys = new HashSet<>();
    for (String job : List.of("generate", "deploy")) {
      List<JsonNode> steps = new ArrayList<>();
      jobs.path(job).path("steps").forEach(steps::add);
      int jar = -1;
      int maven = -1;
      int daybook = -1;
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).path("with").path("path").asText().contains("target/daybook-*.jsa")) {
          jar = i;
        }
        if (steps.get(i).path("run").asText().startsWith("mvn ")) {
          maven = i;
        }
        if (daybook < 0 && steps.get(i).path("run").asText().contains("./daybook ")) {
          daybook = i;
        }
      }
      assertThat(jar).as("%s: a cache of the jar", job).isNotNegative().isLessThan(maven);
      assertThat(maven).as(job).isLessThan(daybook);
      JsonNode cache = steps.get(jar);
      assertThat(cache.path("uses").asText()).as(job).isEqualTo(job.equals("deploy")
          ? "actions/cache@v4" : "actions/cache/restore@v4");
      assertThat(cache.path("with").path("path").asText().lines().map(String::strip))
          .containsExactly("target/daybook.jar", "target/daybook-*.jsa");
      assertThat(steps.get(maven).path("if").asText()).as(job)
          .isEqualTo("steps." + cache.path("id").asText() + ".outputs.cache-hit != 'true'");
      // A JDK of another version would not map the archive; a change of code makes another jar.
      String java = steps.stream().filter(s -> s.path("uses").asText().startsWith(
          "actions/setup-java@")).findFirst().orElseThrow().path("id").asText();
      String key = cache.path("with").path("key").asText();
      assertThat(key).as(job).contains("${{ steps." + java + ".outputs.version }}")
          .contains("hashFiles('pom.xml', 'src/main/**')");
      keys.add(key);
    }
    assertThat(keys).as("one key in both jobs").hasSize(1);
  }

  @Test
  void noScriptSplicesAnExpressionIntoItsText() throws IOException {
    // ${{ ... }} in a run: block is pasted into the shell script before it runs: an input such as
    // "$(curl …)" would execute. Values reach scripts through env: instead.
    for (String name : List.of("daily.yml", "ci.yml")) {
      for (JsonNode step : steps(workflow(name))) {
        assertThat(step.path("run").asText()).as("%s: %s", name, step.path("name").asText())
            .doesNotContain("${{");
      }
    }
  }

  /** The matrix example README gives for a long backfill, as a workflow. */
  static JsonNode readmeBackfill() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n# .github/workflows/backfill.yml\n");
    assertThat(start).as("README's backfill example").isNotNegative();
    int end = readme.indexOf("\n```\n", start);
    return YAML.readTree(readme.substring(start + "```yaml\n".length(), end + 1));
  }

  @Test
  void readmesBackfillSplitsDaysMergesOnceAndLeavesTheDeployToTheDailyRun() throws IOException {
    JsonNode backfill = readmeBackfill();
    assertThat(backfill.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(backfill.path("concurrency").path("group").asText())
        .isEqualTo(workflow("daily.yml").path("concurrency").path("group").asText());
    JsonNode generate = backfill.path("jobs").path("generate");
    assertThat(generate.path("strategy").path("fail-fast").asBoolean(true)).isFalse();
    JsonNode days = generate.path("strategy").path("matrix").path("days");
    assertThat(days.size()).isGreaterThan(1);
    days.forEach(slice -> assertThat(slice.asText()).matches("\\d{4}-\\d\\d-\\d\\d"
        + " \\d{4}-\\d\\d-\\d\\d"));
    assertThat(generate.path("permissions").isMissingNode()).as("generate only reads").isTrue();
    String uploads = generate.path("steps").toString();
    assertThat(uploads).contains("actions/upload-artifact@v4", "!cancelled()");
    JsonNode merge = backfill.path("jobs").path("merge");
    assertThat(merge.path("needs").asText()).isEqualTo("generate");
    assertThat(merge.path("if").asText()).contains("!cancelled()");
    assertThat(merge.path("permissions").path("contents").asText()).isEqualTo("write");
    assertThat(merge.path("steps").toString()).contains("actions/download-artifact@v4",
        "merge-multiple", "./daybook check", "git push");
    assertThat(backfill.path("jobs").size()).as("no deploy of its own").isEqualTo(2);
    assertThat(uses(backfill)).noneMatch(u -> u.contains("pages"));
    for (JsonNode step : steps(backfill)) {
      assertThat(step.path("run").asText()).doesNotContain("${{");
    }
  }

  @Test
  void ciRunsTheReadmeTestCommandOnPushesAndPullRequests() throws IOException {
    JsonNode ci = workflow("ci.yml");
    assertThat(ci.path("on").has("push")).isTrue();
    assertThat(ci.path("on").has("pull_request")).isTrue();
    assertThat(ci.path("permissions").path("contents").asText()).isEqualTo("read");
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("mvn -B verify");
    assertThat(steps(ci)).anyMatch(s -> s.path("run").asText().lines()
        .anyMatch(line -> line.strip().equals("mvn -B verify")));
  }
}

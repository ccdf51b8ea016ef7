package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mapper.testing.Bash;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.Distribution;
import dev.mapper.testing.Distribution.Run;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.SampleReleases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gates as documented: the GitHub Actions recipe of docs/ci.md and mapper's own
 * .github/workflows/mapping-gates.yml, their gate steps run with bash as written, on a hand-made ATT&CK Enterprise
 * 16.1 release standing where the download step puts the real one. A gate that passes must fail on a real drop.
 */
class CiRecipeIT {

    @TempDir
    static Path unpacked;

    /** A directory with {@code mapper} in it, the launcher of the unpacked archive, as the recipe puts on PATH. */
    static Path bin;

    @BeforeAll
    static void unpack() throws Exception {
        Bash.assumeAvailable();
        Path home = Distribution.unpack(unpacked);
        bin = Files.createDirectories(unpacked.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("mapper"), home.resolve("bin/mapper"));
    }

    /** The {@code run} of each step of the workflow's one job, by step name. */
    private static Map<String, String> steps(String workflowYaml) throws Exception {
        JsonNode jobs = new YAMLMapper().readTree(workflowYaml).path("jobs");
        assertThat(jobs).as("one job").hasSize(1);
        Map<String, String> steps = new LinkedHashMap<>();
        jobs.elements().next().path("steps").forEach(step -> steps.put(step.path("name").asText(step.path("uses")
                .asText()), step.path("run").asText(null)));
        return steps;
    }

    /** The YAML block of docs/ci.md's recipe section. */
    private static String documentedRecipe() throws Exception {
        String doc = Files.readString(Path.of("docs/ci.md"));
        String section = doc.substring(doc.indexOf("## Recipe: gate your own mappings in GitHub Actions"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    /** Runs one step's script as Actions does ({@code bash -e}), with the recipe's ATTACK and mapper on the PATH. */
    private static Run step(Path cwd, Path attack, String script) throws Exception {
        return Distribution.run(cwd, Map.of("ATTACK", attack.toString(), "PATH", bin + ":" + System.getenv("PATH")),
                "bash", "-e", "-c", script);
    }

    private static String gate(Map<String, String> steps, String prefix) {
        return steps.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no step named '" + prefix + "...' in " + steps.keySet()));
    }

    @Test
    void theDocumentedRecipeFailsWhenCoverageDropsBelowItsThreshold(@TempDir Path repo, @TempDir Path runnerTemp)
            throws Exception {
        Map<String, String> steps = steps(documentedRecipe());
        assertThat(gate(steps, "Get mapper and ATT&CK")).as("the bundle is downloaded where the gates read it")
                .contains("enterprise-attack-16.1.json", "ATTACK=$RUNNER_TEMP/enterprise-attack-16.1.json");
        String validate = gate(steps, "Validate");
        String coverage = gate(steps, "Coverage gate").replace("YOUR_FRAMEWORK", "acme_cloud");
        assertThat(coverage).contains("--fail-under 40", "--require T1078,T1528");
        Path attack = runnerTemp.resolve("enterprise-attack-16.1.json");
        SampleReleases.enterprise("16.1").write(attack);
        int total = Corpus.activeTechniqueTactics(Corpus.tree(attack)).size();
        Path mappings = repo.resolve("mappings/acme-cloud.json");

        List<String> kept = List.of("T1078", "T1528", "T1190", "T1133", "T1110");
        cloudMappings(kept).write(mappings);
        assertThat(100.0 * kept.size() / total).isGreaterThanOrEqualTo(40);
        Run passing = step(repo, attack, coverage);
        assertThat(passing.exitCode()).as(passing.err()).isZero();
        assertThat(passing.out()).startsWith("Coverage  " + kept.size() + " of " + total + " techniques");
        Run valid = step(repo, attack, validate);
        assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();

        List<String> dropped = kept.subList(0, 3);
        cloudMappings(dropped).write(mappings);
        Run failing = step(repo, attack, coverage);
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(failing.err()).contains(String.format(Locale.ROOT,
                "Enterprise coverage %.2f%% (%d of %d) is under --fail-under 40", 100.0 * dropped.size() / total,
                dropped.size(), total));

        // The recipe as it was: --data mappings/ replaced MAPPER_DATA, left only the bundled sample, and passed.
        Run withoutTheBundle = step(repo, attack, coverage.replace("--data \"$ATTACK\" ", ""));
        assertThat(withoutTheBundle.exitCode()).isEqualTo(ExitCodes.MISSING_DATA);
        assertThat(withoutTheBundle.err()).contains("only mapper's bundled sample");
    }

    private static MappingFiles.File cloudMappings(List<String> techniques) {
        return file("acme_cloud").version("2.0").attack("16.1")
                .add(techniques.stream().map(id -> mapping("C-" + id, id)).toArray(MappingFiles.MappingObject[]::new));
    }

    @Test
    void mappersOwnWorkflowGatesItsDataAndFailsWhenAMappingGoes(@TempDir Path checkout, @TempDir Path runnerTemp)
            throws Exception {
        Map<String, String> steps = steps(Files.readString(Path.of(".github/workflows/mapping-gates.yml")));
        assertThat(gate(steps, "Get ATT&CK")).contains("enterprise-attack-16.1.json",
                "ATTACK=$RUNNER_TEMP/enterprise-attack-16.1.json");
        Path attack = runnerTemp.resolve("enterprise-attack-16.1.json");
        SampleReleases.enterprise("16.1").write(attack);
        copy(Path.of("data"), checkout.resolve("data"));
        Files.createSymbolicLink(checkout.resolve("mapper"), bin.resolve("mapper"));

        for (String name : List.of("Validate", "Coverage gate")) {
            Run run = step(checkout, attack, gate(steps, name));
            assertThat(run.exitCode()).as(name + ": " + run.out() + run.err()).isZero();
        }

        Path aws;
        try (Stream<Path> files = Files.list(checkout.resolve("data/mappings"))) {
            aws = files.filter(f -> f.getFileName().toString().startsWith("aws-")).findFirst().orElseThrow();
        }
        ObjectNode file = (ObjectNode) Corpus.tree(aws);
        file.withArray("mapping_objects").removeIf(m -> m.path("attack_object_id").asText().equals("T1528"));
        Files.writeString(aws, file.toPrettyString());
        Run dropped = step(checkout, attack, gate(steps, "Coverage gate"));
        assertThat(dropped.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(dropped.err()).contains("Enterprise coverage 0.00% (0 of 1) is under --fail-under 100",
                "required techniques without a mapping: T1528");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}

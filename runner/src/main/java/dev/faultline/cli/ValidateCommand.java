package dev.faultline.cli;

import dev.faultline.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline validate PLAN...}: parses and checks plans without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check plans without running them: every problem is printed with file:line:column and key.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every plan is valid", "2:a plan is invalid"})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
    List<Path> plans;

    @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan value by its path, e.g. --set load.stages[0].rate=50/s")
    List<String> overrides = List.of();

    @Override
    public Integer call() {
        List<Plan> parsed = PlanFiles.parseAll(plans, overrides, null, spec.commandLine().getErr());
        if (parsed == null) {
            return ExitCode.INVALID.code();
        }
        for (int i = 0; i < parsed.size(); i++) {
            spec.commandLine().getOut().printf("valid  %s  (plan %s)%n", plans.get(i), parsed.get(i).name());
        }
        spec.commandLine().getOut().flush();
        return ExitCode.PASSED.code();
    }
}

package dev.faultline.junit;

import dev.faultline.check.Verdict;
import dev.faultline.plan.Plan;
import dev.faultline.report.Results;
import dev.faultline.run.PlanRun;
import dev.faultline.run.RunOutcome;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Carries out a {@link FaultlinePlan} when JUnit asks for its tests, then hands out one test per verdict. The plan runs
 * once per annotated method, whatever happens to it: its own run heals every fault and stops every process it started
 * before it returns, as {@code faultline run} does.
 */
final class PlanExtension implements TestTemplateInvocationContextProvider {
    static final String HEALED_TEST = "faults healed";
    static final String RUN_TEST = "run";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), FaultlinePlan.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        FaultlinePlan annotation = AnnotationSupport.findAnnotation(method, FaultlinePlan.class).orElseThrow();
        Plan plan = PlanSource.load(annotation.value(), Arrays.asList(annotation.set()), context.getRequiredTestClass());
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        RunOutcome outcome = new PlanRun(plan, FaultlineExtension.reportRoot(context).resolve(plan.name()), out)
                .carryOut();
        RunResult result = new RunResult(outcome);
        context.publishReportEntry("faultline.report", outcome.reportDir().toAbsolutePath().toString());
        return invocations(result).stream();
    }

    private static List<TestTemplateInvocationContext> invocations(RunResult result) {
        Results results = result.results();
        List<TestTemplateInvocationContext> tests = new ArrayList<>();
        if (results.error() != null) {
            tests.add(new CheckTest(RUN_TEST, result, () -> {
                throw new AssertionFailedError("the run was not carried out to its end: " + results.error());
            }));
        }
        for (Verdict verdict : results.checks()) {
            tests.add(new CheckTest(verdict.name(), result, () -> judge(verdict)));
        }
        if (results.faultsHealed() != null) {
            tests.add(new CheckTest(HEALED_TEST, result, () -> {
                if (!results.faultsHealed().verified()) {
                    throw new AssertionFailedError("faults were left after the run: " + results.faultsHealed().leftovers());
                }
            }));
        }
        return tests;
    }

    /** Fails with the verdict's sentence (observed against limit), the values as JUnit's expected and actual. */
    private static void judge(Verdict verdict) {
        if (!verdict.passed()) {
            throw new AssertionFailedError(verdict.name() + ": " + verdict.message()
                    + (verdict.details().isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", verdict.details())),
                    "limit " + verdict.limit() + " " + verdict.unit(),
                    verdict.observed() == null ? "no data" : verdict.observed() + " " + verdict.unit());
        }
    }

    /** One test of the plan: its name, the run's result for the method's parameters, and the judgement after the body. */
    private static final class CheckTest implements TestTemplateInvocationContext {
        private final String name;
        private final RunResult result;
        private final Runnable judgement;

        CheckTest(String name, RunResult result, Runnable judgement) {
            this.name = name;
            this.result = result;
            this.judgement = judgement;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return name;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ResultParameter(result), new Judgement(judgement));
        }
    }

    /** Gives the method the run's result. */
    private record ResultParameter(RunResult result) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == RunResult.class || type == Results.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Results.class ? result.results() : result;
        }
    }

    /** Runs the method's body, then the check's judgement. */
    private record Judgement(Runnable judgement) implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
                throws Throwable {
            invocation.proceed();
            judgement.run();
        }
    }
}

package dev.faultline.junit;

import dev.faultline.faults.network.HealCheck;
import dev.faultline.plan.Plan;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link RunningTarget}, {@link Faults} and {@link LoadDriver} parameters of test methods, and after each
 * test stops its loads, heals its faults and verifies the target is back to normal (the target itself is stopped when
 * JUnit closes the test's store). Registered by {@link Faultline}.
 */
final class FaultlineExtension implements ParameterResolver, AfterEachCallback {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultlineExtension.class);
    /** Where the reports of the tests' runs go, per class and method (system property, default below). */
    static final String REPORTS_PROPERTY = "faultline.junit.reports";
    static final String DEFAULT_REPORTS = "target/faultline-junit";
    /** The report entry that says whether every fault of a test was healed. */
    static final String HEALED_ENTRY = "faultline.faults-healed";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningTarget.class || type == Faults.class || type == LoadDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        TestSession session = session(context);
        if (type == RunningTarget.class) {
            Optional<Plan> plan = targetPlan(parameter.getParameter());
            if (plan.isEmpty()) {
                throw new ParameterResolutionException("parameter '" + parameter.getParameter().getName()
                        + "' needs to say which target: @ReferenceCluster, @PlanTarget or @ContainerService");
            }
            return session.target().orElseGet(() -> session.start(plan.get()));
        }
        session.target().orElseGet(() -> startDeclaredTarget(context, session));
        if (type == Faults.class) {
            return session.faults();
        }
        long seed = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Faultline.class)
                .map(Faultline::seed).orElse(1L);
        return new LoadDriver(session, seed);
    }

    /** Faults and a load driver act on the target another parameter of the same method declares. */
    private static RunningTarget startDeclaredTarget(ExtensionContext context, TestSession session) {
        Method method = context.getRequiredTestMethod();
        return Arrays.stream(method.getParameters())
                .map(FaultlineExtension::targetPlan)
                .flatMap(Optional::stream)
                .findFirst()
                .map(session::start)
                .orElseThrow(() -> new ParameterResolutionException(method.getName() + " takes Faults or a LoadDriver "
                        + "but no target: add a RunningTarget parameter with @ReferenceCluster, @PlanTarget or "
                        + "@ContainerService"));
    }

    private static Optional<Plan> targetPlan(Parameter parameter) {
        Optional<ReferenceCluster> cluster = AnnotationSupport.findAnnotation(parameter, ReferenceCluster.class);
        if (cluster.isPresent()) {
            return Optional.of(TargetPlans.of(cluster.get()));
        }
        Optional<ContainerService> container = AnnotationSupport.findAnnotation(parameter, ContainerService.class);
        if (container.isPresent()) {
            return Optional.of(TargetPlans.of(container.get()));
        }
        return AnnotationSupport.findAnnotation(parameter, PlanTarget.class)
                .map(p -> PlanSource.load(p.value(), Arrays.asList(p.set()),
                        parameter.getDeclaringExecutable().getDeclaringClass()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestSession session = context.getStore(NAMESPACE).get(TestSession.class, TestSession.class);
        if (session == null) {
            return;
        }
        Optional<HealCheck> healed = session.finish();
        if (healed.isEmpty()) {
            return;
        }
        HealCheck check = healed.get();
        context.publishReportEntry(HEALED_ENTRY, check.verified() ? "verified" : "left: " + check.leftovers());
        if (!check.verified()) {
            throw new AssertionError("faults were left on the target after the test: " + check.leftovers());
        }
    }

    static TestSession session(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestSession.class,
                k -> new TestSession(testName(context), reportRoot(context)), TestSession.class);
    }

    static String testName(ExtensionContext context) {
        String raw = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        return raw.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static Path reportRoot(ExtensionContext context) {
        return Path.of(System.getProperty(REPORTS_PROPERTY, DEFAULT_REPORTS))
                .resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
    }
}

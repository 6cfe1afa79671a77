package dev.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.ContainerTargetSpec;
import dev.faultline.plan.StoreSpec;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.PreconditionViolationException;

class TargetPlansTest {

    @SuppressWarnings("unused")
    private static void targets(
            @ReferenceCluster RunningTarget defaults,
            @ReferenceCluster(nodes = 5, replication = 3, consistency = "quorum", conflicts = "set-union",
                    isolation = "in-jvm", layer = 4, standby = true, set = {"breaker.enabled=false"})
            RunningTarget tuned,
            @ReferenceCluster(consistency = "strong") RunningTarget wrong,
            @ContainerService(image = "local/app:1", ports = {8080, 9090}, name = "box", env = {"MODE=test"},
                    files = "/app/classes=target/classes", waitFor = "/health") RunningTarget box,
            @ContainerService(image = "local/app:1", ports = 8080, env = "MODE") RunningTarget badEnv) {
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(int index, Class<A> type) throws Exception {
        Parameter p = TargetPlansTest.class.getDeclaredMethod("targets", RunningTarget.class, RunningTarget.class,
                RunningTarget.class, RunningTarget.class, RunningTarget.class).getParameters()[index];
        return p.getAnnotation(type);
    }

    @Test
    void aReferenceClusterHasThePlanDefaults() throws Exception {
        ClusterSpec cluster = TargetPlans.of(annotation(0, ReferenceCluster.class)).target().cluster();

        assertThat(cluster.isolation()).isEqualTo(ClusterSpec.Isolation.PROCESS);
        assertThat(cluster.store().nodes()).isEqualTo(3);
        assertThat(cluster.store().replication()).isEqualTo(3);
        assertThat(cluster.store().consistency()).isEqualTo(StoreSpec.Consistency.EVENTUAL);
        assertThat(cluster.balancer().layer()).isEqualTo(7);
    }

    @Test
    void everyAttributeAndSetOverrideReachesTheCluster() throws Exception {
        ClusterSpec cluster = TargetPlans.of(annotation(1, ReferenceCluster.class)).target().cluster();

        assertThat(cluster.store().nodes()).isEqualTo(5);
        assertThat(cluster.store().consistency()).isEqualTo(StoreSpec.Consistency.QUORUM);
        assertThat(cluster.store().conflicts()).isEqualTo(StoreSpec.Conflicts.SET_UNION);
        assertThat(cluster.isolation()).isEqualTo(ClusterSpec.Isolation.IN_JVM);
        assertThat(cluster.balancer().layer()).isEqualTo(4);
        assertThat(cluster.balancer().standby()).isTrue();
        assertThat(cluster.breaker().enabled()).isFalse();
    }

    @Test
    void aValueThePlanParserRefusesNamesTheAnnotationAndTheKey() throws Exception {
        ReferenceCluster wrong = annotation(2, ReferenceCluster.class);

        assertThatThrownBy(() -> TargetPlans.of(wrong)).isInstanceOf(PreconditionViolationException.class)
                .hasMessageContaining("@ReferenceCluster").hasMessageContaining("consistency")
                .hasMessageContaining("strong");
    }

    @Test
    void aContainerServiceIsAPlanContainerTarget() throws Exception {
        ContainerTargetSpec box = TargetPlans.of(annotation(3, ContainerService.class)).target().container();

        assertThat(box.name()).isEqualTo("box");
        assertThat(box.ports()).containsExactly(8080, 9090);
        assertThat(box.env()).containsEntry("MODE", "test");
        assertThat(box.files()).containsEntry("/app/classes", "target/classes");
        assertThat(box.waitFor()).isEqualTo("/health");
        assertThatThrownBy(() -> TargetPlans.of(annotation(4, ContainerService.class)))
                .hasMessageContaining("expected NAME=value");
    }
}

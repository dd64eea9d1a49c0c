package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public entry in production: HTTPS to the gateway's API port, and nothing else. */
class IngressTest {

  @Test
  void productionRoutesOnlyToTheGatewaysPublicPortOverTlsFromCertManager() {
    KubernetesManifestsTest.Rendered r = KubernetesManifestsTest.render("prod");
    List<Ingress> ingresses = r.all(Ingress.class);
    assertEquals(1, ingresses.size(), "prod: one Ingress");
    Ingress ingress = ingresses.get(0);
    ServiceConfig.Process gateway = ServiceConfig.PROCESSES.get("gateway");
    Service service = r.one(Service.class, gateway.module());

    String issuer = ingress.getMetadata().getAnnotations().get("cert-manager.io/cluster-issuer");
    assertTrue(issuer != null && !issuer.isBlank(), "cert-manager issues the certificate");

    Set<String> tlsHosts = new HashSet<>();
    for (IngressTLS tls : ingress.getSpec().getTls()) {
      assertTrue(
          tls.getSecretName() != null && !tls.getSecretName().isBlank(), "TLS has its Secret");
      tlsHosts.addAll(tls.getHosts());
    }
    assertEquals(
        null, ingress.getSpec().getDefaultBackend(), "no default backend: every route is named");
    assertTrue(!ingress.getSpec().getRules().isEmpty(), "the Ingress routes something");
    for (IngressRule rule : ingress.getSpec().getRules()) {
      assertTrue(
          rule.getHost() != null && tlsHosts.contains(rule.getHost()),
          "host " + rule.getHost() + " is served with TLS " + tlsHosts);
      for (HTTPIngressPath path : rule.getHttp().getPaths()) {
        IngressServiceBackend backend = path.getBackend().getService();
        assertEquals(gateway.module(), backend.getName(), "only the gateway is routed");
        ServicePort port =
            service.getSpec().getPorts().stream()
                .filter(
                    sp ->
                        backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(sp.getName())
                            : backend.getPort().getNumber().equals(sp.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Service has no port " + backend));
        assertEquals(
            gateway.port(),
            port.getPort(),
            "the gateway's public port, never its management port " + gateway.managementPort());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "dev"})
  void onlyProductionIsExposed(String overlay) {
    assertEquals(List.of(), KubernetesManifestsTest.render(overlay).all(Ingress.class));
  }
}

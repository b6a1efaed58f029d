package clinic.k8s;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Decides, as the Kubernetes NetworkPolicy rules do, whether a connection is allowed between two
 * endpoints, given the policies of one namespace. A connection needs the sender's egress and the
 * receiver's ingress; a pod no policy selects (for that direction) is not isolated.
 *
 * <p>Deliberately pessimistic where CNIs differ: an ipBlock may also match pod addresses, so an
 * ipBlock in a rule counts as matching every endpoint. "Denied" answers are therefore reliable.
 */
final class NetworkReach {

    /** A pod (namespace and labels) or a host outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, boolean external) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, labels, false);
        }

        static Endpoint outside(String name) {
            return new Endpoint(name, null, Map.of(), true);
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkReach(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    /** Whether any policy of the namespace selects this endpoint (to catch selectors that match nothing). */
    boolean selects(NetworkPolicy policy, Endpoint endpoint) {
        return inNamespace(endpoint) && matches(policy.getSpec().getPodSelector(), endpoint.labels());
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!inNamespace(from)) {
            return true;
        }
        List<NetworkPolicy> isolating = policies.stream()
                .filter(p -> selects(p, from) && types(p).contains("Egress")).toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port, protocol));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!inNamespace(to)) {
            return true;
        }
        List<NetworkPolicy> isolating = policies.stream()
                .filter(p -> selects(p, to) && types(p).contains("Ingress")).toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port, protocol));
    }

    private boolean inNamespace(Endpoint endpoint) {
        return !endpoint.external() && namespace.equals(endpoint.namespace());
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        boolean egress = policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty();
        return egress ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    /** An empty (or absent) peer list means everyone. */
    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return true;
        }
        if (endpoint.external()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? namespace.equals(endpoint.namespace())
                : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels());
        return namespaceOk && podOk;
    }

    /** An empty (or absent) port list means every port. */
    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() == null) {
                throw new AssertionError("named ports in NetworkPolicies are not modelled: " + value.getStrVal());
            }
            int end = p.getEndPort() == null ? value.getIntVal() : p.getEndPort();
            if (port >= value.getIntVal() && port <= end) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}

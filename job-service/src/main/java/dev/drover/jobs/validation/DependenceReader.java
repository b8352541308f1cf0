package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.spec.Dependence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Job.Dependences against the job's task names and refuses cycles. A repeated edge is
 * accepted and kept once: it says nothing new, and Tencent's clients may list an edge twice when
 * they build the document from several places.
 */
final class DependenceReader {

    /** Names shown in a cycle message before it is cut short. */
    static final int CYCLE_NAMES_SHOWN = 20;

    /** Field paths listed for a cycle before the list is cut short. */
    static final int CYCLE_FIELDS_LISTED = 100;

    private static final Set<String> FIELDS = Set.of("StartTask", "EndTask");

    private final JsonFields json;
    private final Scope job;

    DependenceReader(JsonFields json, Scope job) {
        this.json = json;
        this.job = job;
    }

    /**
     * The distinct edges in document order.
     *
     * @param names usable task names and their positions, or null when Tasks itself was refused
     * @param refused names already refused for their characters, so edges to them are not reported
     *     a second time
     */
    List<Dependence> read(JsonNode array, Map<String, Integer> names, Set<String> refused) {
        List<Dependence> edges = new ArrayList<>();
        Map<Long, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            Scope at = job.element("Dependences", i);
            JsonNode item = json.elementObject(array.get(i), at, FIELDS);
            if (item == null) {
                continue;
            }
            String start = json.text(item, at, "StartTask", true);
            String end = json.text(item, at, "EndTask", true);
            if (names == null || start == null || end == null) {
                continue;
            }
            Integer from = known(names, refused, start, at, "StartTask");
            Integer to = known(names, refused, end, at, "EndTask");
            if (from != null && to != null) {
                long key = edgeKey(from, to);
                if (firstIndex.putIfAbsent(key, i) == null) {
                    edges.add(new Dependence(start, end));
                }
            }
        }
        if (names != null) {
            refuseCycle(edges, names, firstIndex);
        }
        return edges;
    }

    /**
     * A distinct key per edge. The plain {@code from << 32 | to} would hash every edge of a chain
     * ({@code i -> i+1}) into a handful of buckets, since Long's hash is {@code from ^ to}; the odd
     * multiplier and the shift are both invertible, so distinct edges keep distinct keys.
     */
    static long edgeKey(int from, int to) {
        long key = (((long) from) << 32 | (to & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
        return key ^ (key >>> 32);
    }

    private Integer known(
            Map<String, Integer> names, Set<String> refused, String name, Scope at, String f) {
        Integer index = names.get(name);
        if (index == null && !refused.contains(name)) {
            json.violations()
                    .add(
                            Codes.UNKNOWN_TASK,
                            at.describe(f)
                                    + " names the task "
                                    + Text.quote(name)
                                    + ", which is not in Job.Tasks (names are case-sensitive)",
                            at.at(f));
        }
        return index;
    }

    private void refuseCycle(
            List<Dependence> edges, Map<String, Integer> names, Map<Long, Integer> firstIndex) {
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            from[i] = names.get(edges.get(i).startTask());
            to[i] = names.get(edges.get(i).endTask());
        }
        List<Integer> cycle = new CycleFinder(names.size(), from, to).findCycle();
        if (cycle.isEmpty()) {
            return;
        }
        String[] byIndex = new String[names.size()];
        names.forEach((name, index) -> byIndex[index] = name);
        json.violations()
                .add(Codes.CYCLE, cycleMessage(cycle, byIndex), cycleFields(cycle, firstIndex));
    }

    private String cycleMessage(List<Integer> cycle, String[] byIndex) {
        StringBuilder out = new StringBuilder(job.at("Dependences"));
        out.append(cycle.size() == 1 ? " make the task " : " contain a cycle of the tasks ");
        int shown = Math.min(cycle.size(), CYCLE_NAMES_SHOWN);
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : ", ").append(Text.quote(byIndex[cycle.get(i)]));
        }
        if (cycle.size() == 1) {
            return out.append(" depend on itself").toString();
        }
        if (shown < cycle.size()) {
            out.append(", ... (").append(cycle.size()).append(" tasks in all)");
        }
        return out.append(", so none of them can ever start").toString();
    }

    private List<String> cycleFields(List<Integer> cycle, Map<Long, Integer> firstIndex) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < cycle.size() && fields.size() < CYCLE_FIELDS_LISTED; i++) {
            long key = edgeKey(cycle.get(i), cycle.get((i + 1) % cycle.size()));
            fields.add(job.at("Dependences") + "[" + firstIndex.get(key) + "]");
        }
        return fields;
    }
}

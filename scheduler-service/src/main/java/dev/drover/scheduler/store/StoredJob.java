package dev.drover.scheduler.store;

import dev.drover.contract.EventCodec;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.scheduler.dag.Decision;
import dev.drover.scheduler.dag.InstanceRow;
import dev.drover.scheduler.dag.JobRow;
import dev.drover.scheduler.dag.JobState;
import dev.drover.scheduler.dag.TaskRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One locked job's rows as one transaction sees them: loaded on first use, cached for the rest of
 * the batch, changed by applied decisions and written back by {@link #flush}. The job row is locked
 * (FOR UPDATE) by the caller, which serialises every writer of the job's rows.
 */
final class StoredJob implements JobState {

    private final Connection db;
    private final String jobId;
    private JobRow job;
    private boolean jobDirty;
    private final Map<String, Optional<TaskRow>> tasks = new HashMap<>();
    private final Set<String> dirtyTasks = new LinkedHashSet<>();
    private final Map<InstanceRow.Key, Optional<InstanceRow>> instances = new HashMap<>();
    private final Set<InstanceRow.Key> dirtyInstances = new LinkedHashSet<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    private final Map<String, TaskSpec> specs = new HashMap<>();
    private final Map<String, String> specJson = new HashMap<>();
    private List<String> allTasks;

    StoredJob(Connection db, JobRow job) {
        this.db = db;
        this.jobId = job.jobId();
        this.job = job;
    }

    void apply(Decision decision) {
        if (decision.job() != null) {
            job = decision.job();
            jobDirty = true;
        }
        decision.tasks().forEach((name, row) -> tasks.put(name, Optional.of(row)));
        dirtyTasks.addAll(decision.tasks().keySet());
        decision.instances().forEach((key, row) -> instances.put(key, Optional.of(row)));
        dirtyInstances.addAll(decision.instances().keySet());
    }

    /** Loads, in one query, the task and instance rows a batch of reports will read. */
    void prefetch(Collection<InstanceRow.Key> keys) throws SQLException {
        List<InstanceRow.Key> missing =
                keys.stream().filter(k -> !instances.containsKey(k)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(k -> instances.put(k, Optional.empty()));
        Array names = db.createArrayOf("text", missing.stream().map(k -> k.task()).toArray());
        Array indexes = db.createArrayOf("int4", missing.stream().map(k -> k.index()).toArray());
        try (PreparedStatement ps =
                db.prepareStatement(
                        "SELECT "
                                + Rows.INSTANCE_COLUMNS
                                + " FROM instance WHERE job_id = ? AND (task, idx) IN"
                                + " (SELECT * FROM unnest(?::text[], ?::int[]))")) {
            ps.setString(1, jobId);
            ps.setArray(2, names);
            ps.setArray(3, indexes);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InstanceRow row = Rows.instance(rs);
                    instances.put(row.key(), Optional.of(row));
                }
            }
        }
        List<String> unknownTasks =
                missing.stream()
                        .map(k -> k.task())
                        .distinct()
                        .filter(t -> !tasks.containsKey(t))
                        .toList();
        loadTasks("name = ANY(?)", db.createArrayOf("text", unknownTasks.toArray()));
        unknownTasks.forEach(t -> tasks.putIfAbsent(t, Optional.empty()));
    }

    /** Caches a loaded task row unless this transaction already holds a (possibly newer) one. */
    private void cache(TaskRow row) {
        Optional<TaskRow> held = tasks.get(row.name());
        if (held == null || held.isEmpty()) {
            tasks.put(row.name(), Optional.of(row));
        }
    }

    @Override
    public JobRow job() {
        return job;
    }

    @Override
    public TaskRow task(String name) {
        if (!tasks.containsKey(name)) {
            tasks.put(name, Optional.empty());
            sql(() -> loadTasks("name = ?", name));
        }
        return tasks.get(name).orElse(null);
    }

    @Override
    public List<String> successors(String task) {
        List<String> cached = successors.get(task);
        if (cached != null) {
            return cached;
        }
        List<String> names = new ArrayList<>();
        String query =
                "SELECT t.job_id, t.spec, "
                        + Rows.TASK_COLUMNS.replaceAll("(\\w+)", "t.$1")
                        + " FROM edge e JOIN task t ON t.job_id = e.job_id AND t.name = e.succ"
                        + " WHERE e.job_id = ? AND e.pred = ?";
        sql(
                () -> {
                    try (PreparedStatement ps = db.prepareStatement(query)) {
                        ps.setString(1, jobId);
                        ps.setString(2, task);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                TaskRow row = Rows.task(rs);
                                names.add(row.name());
                                cache(row);
                                // Fetched with the row so that releasing many successors
                                // costs no query per successor; decoded only if released.
                                specJson.putIfAbsent(row.name(), rs.getString("spec"));
                            }
                        }
                    }
                });
        successors.put(task, names);
        return names;
    }

    @Override
    public List<String> predecessors(String task) {
        List<String> names = new ArrayList<>();
        sql(
                () -> {
                    try (PreparedStatement ps =
                            db.prepareStatement(
                                    "SELECT pred FROM edge WHERE job_id = ? AND succ = ?")) {
                        ps.setString(1, jobId);
                        ps.setString(2, task);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                names.add(rs.getString(1));
                            }
                        }
                    }
                });
        return names;
    }

    @Override
    public InstanceRow instance(String task, int index) {
        InstanceRow.Key key = new InstanceRow.Key(task, index);
        if (!instances.containsKey(key)) {
            sql(() -> prefetch(List.of(key)));
        }
        return instances.get(key).orElse(null);
    }

    @Override
    public List<InstanceRow> instances(String task) {
        Map<Integer, InstanceRow> byIndex = new LinkedHashMap<>();
        sql(
                () -> {
                    try (PreparedStatement ps =
                            db.prepareStatement(
                                    "SELECT "
                                            + Rows.INSTANCE_COLUMNS
                                            + " FROM instance WHERE job_id = ? AND task = ?"
                                            + " ORDER BY idx")) {
                        ps.setString(1, jobId);
                        ps.setString(2, task);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                InstanceRow row = Rows.instance(rs);
                                byIndex.put(row.index(), row);
                            }
                        }
                    }
                });
        // This transaction's own changes win over what the table says.
        instances.forEach(
                (key, row) -> {
                    if (key.task().equals(task) && row.isPresent()) {
                        byIndex.put(key.index(), row.get());
                    }
                });
        return List.copyOf(byIndex.values());
    }

    @Override
    public List<String> taskNames() {
        if (allTasks == null) {
            List<String> names = new ArrayList<>();
            sql(
                    () -> {
                        try (PreparedStatement ps =
                                db.prepareStatement(
                                        "SELECT job_id, "
                                                + Rows.TASK_COLUMNS
                                                + " FROM task WHERE job_id = ? ORDER BY ord")) {
                            ps.setString(1, jobId);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    TaskRow row = Rows.task(rs);
                                    names.add(row.name());
                                    cache(row);
                                }
                            }
                        }
                    });
            allTasks = List.copyOf(names);
        }
        return allTasks;
    }

    @Override
    public TaskSpec spec(String task) {
        return specs.computeIfAbsent(task, this::loadSpec);
    }

    /** Writes every row the applied decisions changed. */
    void flush() throws SQLException {
        if (jobDirty) {
            JobWrites.updateJob(db, job);
        }
        List<TaskRow> changedTasks = dirtyTasks.stream().map(n -> tasks.get(n).get()).toList();
        JobWrites.updateTasks(db, jobId, changedTasks);
        List<InstanceRow> changedInstances =
                dirtyInstances.stream().map(k -> instances.get(k).get()).toList();
        JobWrites.upsertInstances(db, jobId, changedInstances);
        jobDirty = false;
        dirtyTasks.clear();
        dirtyInstances.clear();
    }

    private TaskSpec loadSpec(String task) {
        String fetched = specJson.remove(task);
        if (fetched != null) {
            return EventCodec.decode(fetched, TaskSpec.class);
        }
        String[] json = new String[1];
        sql(
                () -> {
                    try (PreparedStatement ps =
                            db.prepareStatement(
                                    "SELECT spec FROM task WHERE job_id = ? AND name = ?")) {
                        ps.setString(1, jobId);
                        ps.setString(2, task);
                        try (ResultSet rs = ps.executeQuery()) {
                            json[0] = rs.next() ? rs.getString(1) : null;
                        }
                    }
                });
        return json[0] == null ? null : EventCodec.decode(json[0], TaskSpec.class);
    }

    private void loadTasks(String condition, Object parameter) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "SELECT job_id, "
                                + Rows.TASK_COLUMNS
                                + " FROM task WHERE job_id = ? AND "
                                + condition)) {
            ps.setString(1, jobId);
            ps.setObject(2, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cache(Rows.task(rs));
                }
            }
        }
    }

    /** The core's reads cannot throw checked exceptions; a failed read aborts the batch. */
    private static void sql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}

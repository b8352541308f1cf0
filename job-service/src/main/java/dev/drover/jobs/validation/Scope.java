package dev.drover.jobs.validation;

/**
 * Where in the document a check looks: the field path prefix ({@code Job.Tasks[0]}) and, inside a
 * task, which task, so that every message names both.
 */
record Scope(String path, String task) {

    static Scope root(String path) {
        return new Scope(path, null);
    }

    /** The full path of a field under this scope. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The path of a field plus the task it belongs to, as messages write it. */
    String describe(String field) {
        return at(field) + ofTask();
    }

    /** The path of this scope itself plus its task, as messages write it. */
    String describeSelf() {
        return path + ofTask();
    }

    Scope child(String field) {
        return new Scope(at(field), task);
    }

    Scope element(String field, int index) {
        return new Scope(at(field) + "[" + index + "]", task);
    }

    Scope forTask(String label) {
        return new Scope(path, label);
    }

    private String ofTask() {
        return task == null ? "" : " of task " + task;
    }
}

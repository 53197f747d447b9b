package io.meterhub.routes.api.v1;

/** Whose usage a v1 summary is about: the path segment and the stored field it names. */
public enum UsageOwner {
    USERS("user", "user_id"),
    PROJECTS("project", "project_id"),
    RESOURCES("resource", "resource_id");

    private final String pathParam;
    private final String field;

    UsageOwner(String pathParam, String field) {
        this.pathParam = pathParam;
        this.field = field;
    }

    /** The path parameter holding the id: {@code user}, {@code project}, {@code resource}. */
    public String pathParam() {
        return pathParam;
    }

    String field() {
        return field;
    }
}

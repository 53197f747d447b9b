package io.meterhub.routes.api.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as a validated token says. An admin sees every project; anyone else only {@code projectId}, which a
 * non-admin caller therefore always has.
 *
 * @param projectId the project the token is scoped to; null only for an admin token without a project
 * @param userId the user, when the token names one
 * @param roles the role names
 */
public record Caller(String projectId, String userId, Set<String> roles, boolean admin) {

    /** The role that makes a caller an admin, as in Ceilometer's default policy ({@code role:admin}). */
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        roles = Set.copyOf(roles);
        if (!admin) {
            Objects.requireNonNull(projectId, "a caller that is not an admin needs a project");
        }
    }

    /** A caller scoped to one project; an admin when {@code roles} contains {@value #ADMIN_ROLE}. */
    public static Caller of(String projectId, String userId, Set<String> roles) {
        return new Caller(projectId, userId, roles, roles.contains(ADMIN_ROLE));
    }

    /** The caller of {@code --admin-token}: an admin of no particular project. */
    public static Caller operator() {
        return new Caller(null, null, Set.of(ADMIN_ROLE), true);
    }

    /** The project every query of this caller is limited to; empty for an admin. */
    public Optional<String> limitedToProject() {
        return admin ? Optional.empty() : Optional.of(projectId);
    }
}

package io.meterhub.routes.api;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Makes the HTTP server answer what no route handles with Ceilometer's JSON error body instead of Vert.x's HTML
 * page: a last route on the platform-http router answers 405 when another route has the path but not the method,
 * else 404.
 */
public final class JsonErrorPages {

    private JsonErrorPages() {}

    /** Installs the fallback on the platform-http router of the server listening on {@code port}. */
    public static void install(CamelContext camel, int port) {
        VertxPlatformHttpRouter router =
                VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        router.route().last().handler(ctx -> {
            if (pathIsServed(router.getRoutes(), ctx.normalizedPath())) {
                write(ctx, 405, "The method " + ctx.request().method() + " is not allowed for this resource.");
            } else {
                write(ctx, 404, "The resource could not be found.");
            }
        });
    }

    private static boolean pathIsServed(List<Route> routes, String path) {
        return routes.stream().anyMatch(r -> r.getPath() != null && matches(r.getPath(), path));
    }

    /** A Vert.x path template ({@code /v2/meters/:name}, {@code /feeds/*}) against a request path. */
    static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("*")) {
                return true;
            }
            if (i >= p.length) {
                return false;
            }
            if (t[i].startsWith(":") ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return false;
            }
        }
        return t.length == p.length;
    }

    private static void write(RoutingContext ctx, int status, String faultstring) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(ErrorBody.of(status, faultstring).toString());
    }
}

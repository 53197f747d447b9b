package io.meterhub.routes;

import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.translate.TranslateRunner;
import io.meterhub.routes.config.ConfigException;
import io.meterhub.routes.config.HubConfig;
import io.meterhub.routes.config.HubOptions;
import io.meterhub.routes.config.MediationConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code meterhub translate [--meters FILE|DIR] [--events FILE] [--secret S] [--drop-unmatched=BOOL]}: oslo
 * notifications (inner messages or envelopes, one JSON per line) on stdin, one JSON line per sample, event or
 * rejected input on stdout, with the engine the hub ingests with. Exit status 2 for a bad option or definitions file.
 */
final class TranslateCommand {

    static final String NAME = "translate";

    private static final List<io.meterhub.routes.config.HubOption<?>> OPTIONS = List.of(
            HubOptions.METERS,
            HubOptions.EVENTS,
            HubOptions.SECRET,
            HubOptions.AGENT_KEYS,
            HubOptions.DROP_UNMATCHED,
            HubOptions.MAX_BODY);

    private TranslateCommand() {}

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(NAME).mixinStandardHelpOptions(true);
        spec.usageMessage()
                .description("Translate notifications (JSON lines on stdin) into samples, events and errors "
                        + "(JSON lines on stdout) with the hub's engine, to try definitions.");
        MeterhubMain.addOptions(spec, OPTIONS);
        return spec;
    }

    static int run(HubConfig config, InputStream stdin, PrintWriter stdout, PrintWriter err) {
        NotificationTranslator translator;
        try {
            translator = MediationConfig.translator(MediationConfig.settings(config));
        } catch (ConfigException e) {
            err.println("meterhub: " + e.getMessage());
            return 2;
        }
        TranslateRunner runner = new TranslateRunner(new EnvelopeDecoder(config.get(HubOptions.MAX_BODY)), translator);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            TranslateRunner.Counts counts = runner.run(in, new BufferedWriter(stdout));
            err.printf(
                    "meterhub translate: %d inputs, %d samples, %d events, %d rejected%n",
                    counts.inputs(), counts.samples(), counts.events(), counts.errors());
            return 0;
        } catch (IOException e) {
            err.println("meterhub: translate: " + e.getMessage());
            return 1;
        }
    }
}

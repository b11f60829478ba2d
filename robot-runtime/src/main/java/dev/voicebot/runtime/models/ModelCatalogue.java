package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voicebot.config.ModelsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models {@code robot models} knows: the built-in catalogue (a resource of this jar) plus an
 * optional file ({@code models.catalogue}, JSON or YAML, same format) whose entries add to it or
 * replace built-in entries of the same name.
 */
public final class ModelCatalogue {
    public static final String BUILT_IN = "/dev/voicebot/runtime/models/catalogue.json";

    private static final ObjectMapper READER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @JsonIgnoreProperties(value = "about")
    record CatalogueFile(List<CatalogueEntry> models) {
    }

    private final Map<String, CatalogueEntry> entries;
    private final List<String> order;

    public ModelCatalogue(List<CatalogueEntry> entries) {
        ensureNotNull(entries, "entries");
        Map<String, CatalogueEntry> byName = new LinkedHashMap<>();
        for (CatalogueEntry e : entries) {
            byName.put(e.name(), e);
        }
        this.entries = Map.copyOf(byName);
        this.order = List.copyOf(byName.keySet());
    }

    /** The catalogue shipped in the jar. */
    public static ModelCatalogue builtIn() {
        try (InputStream in = ModelCatalogue.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the model catalogue " + BUILT_IN + " is missing from the jar");
            }
            return new ModelCatalogue(READER.readValue(in, CatalogueFile.class).models());
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in model catalogue " + BUILT_IN + " is unreadable", e);
        }
    }

    /** The built-in catalogue plus {@code models.catalogue}, if set. */
    public static ModelCatalogue load(ModelsConfig config) throws CatalogueException {
        ensureNotNull(config, "models");
        ModelCatalogue builtIn = builtIn();
        return config.catalogue() == null ? builtIn : builtIn.with(read(config.catalogue()));
    }

    /** Reads a catalogue file; the error names the file and what is wrong in it. */
    public static ModelCatalogue read(Path file) throws CatalogueException {
        try {
            CatalogueFile parsed = READER.readValue(Files.readAllBytes(file), CatalogueFile.class);
            if (parsed == null || parsed.models() == null) {
                throw new CatalogueException("model catalogue " + file + " has no 'models' list");
            }
            return new ModelCatalogue(parsed.models());
        } catch (NoSuchFileException e) {
            throw new CatalogueException("model catalogue " + file + " (models.catalogue) does not exist", e);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new CatalogueException("model catalogue " + file + " is invalid: " + (cause.getMessage() == null ? e.getOriginalMessage() : cause.getMessage()), e);
        } catch (IOException e) {
            throw new CatalogueException("cannot read model catalogue " + file + ": " + e, e);
        }
    }

    /** This catalogue with {@code other}'s entries added; same names are replaced. */
    public ModelCatalogue with(ModelCatalogue other) {
        List<CatalogueEntry> all = new ArrayList<>(entries());
        all.addAll(other.entries());
        return new ModelCatalogue(all);
    }

    public List<CatalogueEntry> entries() {
        return order.stream().map(entries::get).toList();
    }

    public Optional<CatalogueEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The entry whose file name is {@code fileName}, to check a configured model file against. */
    public Optional<CatalogueEntry> byFileName(String fileName) {
        return entries().stream().filter(e -> e.file().equals(fileName)).findFirst();
    }

    /** The entry or an error listing the names there are. */
    public CatalogueEntry require(String name) throws CatalogueException {
        return find(name).orElseThrow(() -> new CatalogueException("no model named '" + name + "' in the catalogue; known: "
                + String.join(", ", order) + " (robot models list)"));
    }

    /** The smallest entry of a kind: what the runtime suggests when none is configured. */
    public Optional<CatalogueEntry> suggestion(ModelKind kind) {
        String preferred = kind == ModelKind.WHISPER ? "whisper-base" : "qwen2.5-1.5b-instruct";
        return find(preferred).filter(e -> e.kind() == kind)
                .or(() -> entries().stream().filter(e -> e.kind() == kind).findFirst());
    }
}

package fr.subventions.operations;

import fr.subventions.shared.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The OpenAPI document of /api ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), in French like the API's
 * messages: each operation's area (tag) and summary from {@link ApiOperations}, the groups allowed by its
 * {@code @PreAuthorize}, HTTP Basic, and the RFC 9457 problem+json answers the API gives — 400 everywhere, 401 and 403
 * behind a login, 404 on a path naming a resource, 409 on a change, 413 on an upload.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Paths open to everyone (SecurityConfiguration): no login, so no 401 or 403. */
    static final String OPEN_DATA = "/api/opendata/";

    static {
        // The authenticated caller is resolved from the login (Callers), never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI subventionsOpenApi(ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion).orElse("dev");
        return new OpenAPI()
                .info(new Info().title("Subventions — API").version(version).description("""
                        Les demandes de subvention, du dépôt au vote de l'assemblée et au versement : l'API des portails,
                        scripts et autres systèmes de la collectivité. JSON en entrée et en sortie ; les pièces en
                        multipart/form-data. Authentification HTTP Basic avec les comptes de l'application (les groupes
                        Camunda sont les rôles), sans session ; les données ouvertes sont publiques. Toute erreur est
                        décrite en application/problem+json (RFC 9457), avec un message en français et, pour une
                        donnée invalide, la liste des champs en erreur (`errors`)."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Identifiant et mot de passe d'un compte de l'application.")));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("Champ en erreur, chemin JSON (ex. applicant.siret)"))
                .addProperty("message", new StringSchema().description("Message en français"));
        return new ObjectSchema().description("Erreur au format RFC 9457 (application/problem+json)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Données invalides"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Certaines données sont invalides : corrigez les champs indiqués."))
                .addProperty("instance", new StringSchema().example("/api/requests"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Pour une réponse 400 : les champs en erreur"));
    }

    /** The groups a handler's {@code @PreAuthorize} (on the method, or else its class) lets in, in its description. */
    @Bean
    OperationCustomizer apiRoles() {
        Pattern quoted = Pattern.compile("'([^']+)'");
        return (operation, handler) -> {
            PreAuthorize rule = Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class))
                    .orElseGet(() -> AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class));
            if (rule != null) {
                Set<String> groups = new LinkedHashSet<>();
                Matcher group = quoted.matcher(rule.value());
                while (group.find()) {
                    groups.add(group.group(1));
                }
                if (!groups.isEmpty()) {
                    String roles = "Rôles autorisés : " + String.join(", ", groups) + ".";
                    operation.setDescription(operation.getDescription() == null ? roles
                            : operation.getDescription() + "\n\n" + roles);
                }
            }
            return operation;
        };
    }

    /** Areas, summaries, security and error answers of every /api operation. */
    @Bean
    OpenApiCustomizer apiOperations() {
        return openApi -> {
            // Here rather than on the bean: springdoc drops the bean's schemas that no operation refers to yet
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            Set<String> tags = new LinkedHashSet<>();
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    ApiOperations.Entry entry = ApiOperations.of(method.name(), path);
                    if (entry != null) {
                        operation.setTags(new ArrayList<>(List.of(entry.tag())));
                        operation.setSummary(entry.summary());
                        tags.add(entry.tag());
                    }
                    boolean open = path.startsWith(OPEN_DATA);
                    if (!open) {
                        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                    }
                    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    add(responses, "400", "Données ou paramètres invalides (les champs en erreur dans `errors`)");
                    if (!open) {
                        add(responses, "401", "Authentification requise : identifiants absents ou incorrects");
                        add(responses, "403", "Le rôle de l'utilisateur ne permet pas cette action");
                    }
                    if (path.contains("{")) {
                        add(responses, "404", "Ressource inconnue, ou que l'utilisateur n'a pas le droit de voir");
                    }
                    if (method != PathItem.HttpMethod.GET) {
                        add(responses, "409", "Action impossible à cette étape, ou conflit avec une modification concurrente");
                    }
                    if (isUpload(operation)) {
                        add(responses, "413", "Fichier trop volumineux");
                    }
                    operation.setResponses(responses);
                });
            });
            List<Tag> ordered = new ArrayList<>();
            for (String tag : ApiOperations.TAGS.keySet()) {
                if (tags.contains(tag)) {
                    ordered.add(new Tag().name(tag).description(ApiOperations.TAGS.get(tag)));
                }
            }
            openApi.setTags(ordered);
        };
    }

    private static boolean isUpload(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }
}

package fr.subventions.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Every error of /api as RFC 9457 problem+json, in French: 400 with the field errors, 403, 404, 409. Domain errors
 * raised inside a task listener reach us wrapped by the engine: the cause chain is searched for them. The advice
 * applies to every handler, so that an unknown path or method under /api is answered the same way.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ITemplateEngine templates;

    ApiExceptionHandler(ITemplateEngine templates) {
        this.templates = templates;
    }

    private static boolean requestedPage() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return !attributes.getRequest().getRequestURI().startsWith("/api");
        }
        return false;
    }

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Données invalides",
            401, "Authentification requise",
            403, "Accès refusé",
            404, "Ressource introuvable",
            405, "Méthode non autorisée",
            406, "Format de réponse non disponible",
            409, "Action impossible à cette étape",
            413, "Fichier trop volumineux",
            415, "Format de données non accepté",
            500, "Erreur interne");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Certaines données sont invalides : corrigez les champs indiqués.", e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(StageConflictException.class)
    ResponseEntity<Object> conflict(StageConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Votre rôle ne permet pas cette action.", null);
    }

    @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Cette demande vient d'être modifiée par quelqu'un d'autre : rechargez-la et recommencez.", null);
    }

    /** A deadlock or a lock wait timeout that reaches the API: its transaction was rolled back, nothing was saved. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> locked(RuntimeException e) {
        LOG.warn("Refused for a database lock: {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return problem(HttpStatus.CONFLICT, "D'autres opérations modifient les mêmes données au même moment : rien n'a "
                + "été enregistré. Réessayez dans un instant.", null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        LOG.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Cette action entre en conflit avec une donnée existante.", null);
    }

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Object> engine(ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid(invalid);
            }
            if (cause instanceof StageConflictException conflict) {
                return conflict(conflict);
            }
            if (cause instanceof NotFoundException notFound) {
                return notFound(notFound);
            }
        }
        if (DatabaseFailures.isLockFailure(e)) {
            return locked(e);
        }
        if (DatabaseFailures.isConcurrentChange(e)) {
            return concurrent(e);
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Paramètre invalide.",
                List.of(new FieldError(e.getName(), "valeur invalide : " + e.getValue())));
    }

    /** A form field no form sends, such as the 300th co-financing row of the request form. */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<Object> invalidProperty(InvalidPropertyException e) {
        return problem(HttpStatus.BAD_REQUEST, "Formulaire invalide : un champ envoyé n'existe pas dans ce formulaire.",
                List.of(new FieldError(e.getPropertyName(), "champ hors du formulaire")));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        if (DatabaseFailures.isUnreachable(e)) {
            LOG.warn("The database cannot be reached: {}", e.toString());
            ResponseEntity<Object> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Le service est momentanément "
                    + "indisponible : la base de données ne répond pas. Rien n'a été enregistré ; réessayez dans un instant.",
                    null);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "10").body(answer.getBody());
        }
        LOG.error("Unexpected error on the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Une erreur inattendue s'est produite ; elle a été journalisée.", null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = mappingCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Champ inconnu dans le corps de la requête.",
                    List.of(new FieldError(path(unknown), "champ inconnu : " + unknown.getPropertyName())));
        }
        if (cause instanceof InvalidFormatException format) {
            return problem(HttpStatus.BAD_REQUEST, "Certaines données sont invalides : corrigez les champs indiqués.",
                    List.of(new FieldError(path(format), "valeur invalide : " + format.getValue())));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Certaines données sont invalides : corrigez les champs indiqués.",
                    List.of(new FieldError(path(mapping), cause instanceof MismatchedInputException
                            ? "type de valeur inattendu" : "valeur invalide ou hors limites")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Le corps de la requête n'est pas un JSON valide.", null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Le fichier dépasse la taille maximale acceptée.", null);
    }

    /** Spring MVC's own errors (unknown path, method, media type, missing parameter), in French. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String detail = switch (status.value()) {
            case 404 -> "Ressource inconnue.";
            case 405 -> "Méthode HTTP non autorisée sur cette ressource.";
            case 406 -> "Ce format de réponse n'est pas disponible : demandez application/json.";
            case 413 -> "Le fichier dépasse la taille maximale acceptée.";
            case 415 -> "Format de données non accepté : envoyez du JSON (application/json), ou un fichier en multipart/form-data.";
            case 400 -> e instanceof MissingServletRequestParameterException missing
                    ? "Paramètre obligatoire manquant : " + missing.getParameterName() + "."
                    : "Requête invalide.";
            default -> known == null ? "Erreur." : known.getReasonPhrase();
        };
        ResponseEntity<Object> answer = problem(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, detail, null);
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(merged).body(answer.getBody());
    }

    /** The first Jackson mapping error that knows which field it is about, or the most specific cause. */
    private static Throwable mappingCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return cause;
            }
        }
        return e.getMostSpecificCause();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The answer to a failed call: problem+json under /api; for a page, the same French words in an HTML page, so that
     * nobody using the portal or the séance page ever faces raw JSON.
     */
    private ResponseEntity<Object> problem(HttpStatus status, String detail, @Nullable List<FieldError> errors) {
        if (requestedPage()) {
            Context context = new Context(Locale.FRANCE);
            context.setVariable("title", TITLES.getOrDefault(status.value(), status.getReasonPhrase()));
            context.setVariable("detail", errors == null ? detail
                    : detail + " " + String.join(" ; ", errors.stream().map(FieldError::message).toList()));
            return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                    .body(templates.process("erreur", context));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(TITLES.getOrDefault(status.value(), status.getReasonPhrase()));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

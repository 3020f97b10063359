package fr.subventions.signature;

/**
 * A signatory's key cannot be used: no keystore configured for the role, a keystore that is not there, or a password
 * that does not open it. The message, in French, names the setting to fix; nothing is signed.
 */
public class SigningKeyUnavailableException extends IllegalStateException {

    public SigningKeyUnavailableException(String message) {
        super(message);
    }

    public SigningKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.edu.cashl.hub.harvest.oai;

/**
 * A list's resumption token, with the optional attributes a provider may send.
 *
 * @param value            the token; empty on the last page of a list
 * @param completeListSize the list's size as the provider counted it, or -1
 * @param cursor           how many records came before this page, or -1
 * @param expirationDate   when the provider forgets it, or null
 */
public record ResumptionToken(String value, long completeListSize, long cursor, String expirationDate) {

    public boolean isEnd() {
        return value == null || value.isBlank();
    }
}

package io.brushguard.detect.text;

/**
 * An indexed review, as the stages that judge clusters see it.
 *
 * @param review the review
 * @param account its author
 * @param shop the shop reviewed
 * @param order the order it names, or null
 * @param ts its time
 * @param rating its stars, 1 to 5
 * @param fresh the author registered within {@link TemplateText#NEW_MILLIS} before it
 * @param linked the author shares a device, phone or identity with another account (not a saturated
 *     token) within the retention
 */
public record Member(
    String review,
    String account,
    String shop,
    String order,
    long ts,
    int rating,
    boolean fresh,
    boolean linked) {}

package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;

/** Tencent's response envelopes, success and error, each carrying the RequestId. */
final class Envelope {

    private Envelope() {}

    /** {@code {"Response":{...answer,"RequestId"}}}. */
    static ObjectNode ok(ObjectNode answer, String requestId) {
        ObjectNode envelope = EventCodec.mapper().createObjectNode();
        ObjectNode response = envelope.putObject("Response");
        response.setAll(answer);
        response.put("RequestId", requestId);
        return envelope;
    }

    /** {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}. */
    static ObjectNode error(String code, String message, String requestId) {
        ObjectNode envelope = EventCodec.mapper().createObjectNode();
        ObjectNode response = envelope.putObject("Response");
        response.putObject("Error").put("Code", code).put("Message", message);
        response.put("RequestId", requestId);
        return envelope;
    }
}

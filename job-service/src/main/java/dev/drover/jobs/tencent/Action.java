package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Tencent action: its parameters in, the fields of its Response out (without RequestId). */
@FunctionalInterface
interface Action {

    ObjectNode answer(Params params, byte[] body);
}

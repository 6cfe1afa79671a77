package dev.faultline.load;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's HTTP/1.1 response decoder, told by its connection when the request in flight is a HEAD (whose response
 * carries a Content-Length but no body: what {@code HttpClientCodec} tracks, without its request encoder, which the
 * pre-encoded requests do not need). Header names and values are not validated: the generator reads the status and
 * the framing headers only, and measures whatever the target answers.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private final HttpConnection connection;

    ResponseDecoder(HttpConnection connection) {
        super(new HttpDecoderConfig()
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
        this.connection = connection;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return connection.awaitsHeadResponse() || super.isContentAlwaysEmpty(msg);
    }
}

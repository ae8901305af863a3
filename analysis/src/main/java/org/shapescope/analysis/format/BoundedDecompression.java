package org.shapescope.analysis.format;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow's LZ4/ZSTD codecs (arrow-compression), guarded against corrupt sizes: a compressed
 * Arrow buffer starts with its uncompressed length (int64, little-endian; -1 = stored raw), and
 * the LZ4 codec sizes an on-heap array by it before decompressing. A corrupt length would ask for
 * gigabytes; here it is refused at once when it exceeds what the reader's allocator may still hold.
 */
final class BoundedDecompression implements CompressionCodec.Factory {
    static final BoundedDecompression INSTANCE = new BoundedDecompression();

    private BoundedDecompression() {
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType codecType) {
        return codecType == CompressionUtil.CodecType.NO_COMPRESSION
                ? CompressionCodec.Factory.INSTANCE.createCodec(codecType)
                : new Guard(CommonsCompressionFactory.INSTANCE.createCodec(codecType));
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType codecType, int compressionLevel) {
        return createCodec(codecType);
    }

    private record Guard(CompressionCodec codec) implements CompressionCodec {
        @Override
        public ArrowBuf compress(BufferAllocator allocator, ArrowBuf uncompressedBuffer) {
            return codec.compress(allocator, uncompressedBuffer);
        }

        @Override
        public ArrowBuf decompress(BufferAllocator allocator, ArrowBuf compressedBuffer) {
            if (compressedBuffer.writerIndex() >= CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
                long declared = compressedBuffer.getLong(0);
                if (declared != CompressionUtil.NO_COMPRESSION_LENGTH && (declared < 0 || declared > allocator.getHeadroom())) {
                    throw new IllegalStateException("compressed buffer declares " + declared
                            + " uncompressed bytes, more than the file can plausibly hold");
                }
            }
            return codec.decompress(allocator, compressedBuffer);
        }

        @Override
        public CompressionUtil.CodecType getCodecType() {
            return codec.getCodecType();
        }
    }
}

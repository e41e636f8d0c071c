using Google.Protobuf;

namespace MusicMask.Models;

/// <summary>
/// A protobuf message assembled field by field and serialised with Google.Protobuf's CodedOutputStream;
/// enough of the wire format to write ONNX ModelProto without generated code.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly MemoryStream _bytes = new();
    private readonly CodedOutputStream _output;

    public ProtoMessage() => _output = new CodedOutputStream(_bytes, leaveOpen: true);

    public ProtoMessage Int64(int field, long value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt64(value);
        return this;
    }

    public ProtoMessage Float(int field, float value)
    {
        _output.WriteTag(field, WireFormat.WireType.Fixed32);
        _output.WriteFloat(value);
        return this;
    }

    public ProtoMessage String(int field, string value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteString(value);
        return this;
    }

    public ProtoMessage Bytes(int field, ReadOnlySpan<byte> value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(ByteString.CopyFrom(value));
        return this;
    }

    public ProtoMessage Message(int field, ProtoMessage message) => Bytes(field, message.ToByteArray());

    public ProtoMessage PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new ProtoMessage();
        foreach (var value in values)
        {
            packed._output.WriteInt64(value);
        }

        return Bytes(field, packed.ToByteArray());
    }

    public byte[] ToByteArray()
    {
        _output.Flush();
        return _bytes.ToArray();
    }
}

using System.Runtime.InteropServices;
using Google.Protobuf;

namespace MusicMask.Models;

/// <summary>
/// Reads the weights back out of a model <see cref="OnnxModelWriter"/> wrote, so training can continue from a
/// shipped model when its checkpoints are gone. Only the float initializers are read (ModelProto.graph = 7,
/// GraphProto.initializer = 5; TensorProto dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9).
/// </summary>
public static class OnnxModelReader
{
    public static NetworkWeights ReadWeights(byte[] model)
    {
        var tensors = ReadFloatInitializers(model);
        float Scalar(string name) => Find(tensors, name).Values.Single();
        ConvWeights Conv(string name)
        {
            var (dims, weight) = Find(tensors, $"{name}.weight");
            var (biasDims, bias) = Find(tensors, $"{name}.bias");
            if (dims.Length != 4 || biasDims.Length != 1 || biasDims[0] != dims[0])
            {
                throw new InvalidDataException($"initializer {name}: shape [{string.Join(", ", dims)}] is not a convolution's");
            }

            return new ConvWeights((int)dims[0], (int)dims[1], (int)dims[2], (int)dims[3], weight, bias);
        }

        var metadata = ReadMetadata(model);
        return new NetworkWeights(
            Scalar("input_mean"),
            Scalar("input_scale"),
            Enumerable.Range(1, NetworkWeights.FeatureLayers).Select(layer => Conv($"conv{layer}")).ToArray(),
            Conv("dense"),
            Conv("classifier"))
        {
            ColumnContext = Scoring.ColumnContext.FromProperties(metadata),
            TimeContext = Scoring.TimeContext.FromProperties(metadata),
        };
    }

    /// <summary>The model's metadata_props (ModelProto field 14; StringStringEntryProto key = 1, value = 2).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(byte[] model)
    {
        var properties = new Dictionary<string, string>();
        try
        {
            foreach (var entry in Fields(ByteString.CopyFrom(model), 14))
            {
                var key = Fields(entry, 1).SingleOrDefault()?.ToStringUtf8();
                var value = Fields(entry, 2).SingleOrDefault()?.ToStringUtf8();
                if (key is not null)
                {
                    properties[key] = value ?? "";
                }
            }
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new InvalidDataException($"not an ONNX model ({error.Message})", error);
        }

        return properties;
    }

    private static (long[] Dims, float[] Values) Find(Dictionary<string, (long[] Dims, float[] Values)> tensors, string name) =>
        tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"the model has no float initializer '{name}': not a MusicMask model");

    private static Dictionary<string, (long[] Dims, float[] Values)> ReadFloatInitializers(byte[] model)
    {
        var tensors = new Dictionary<string, (long[], float[])>();
        try
        {
            foreach (var graph in Fields(ByteString.CopyFrom(model), 7))
            {
                foreach (var tensor in Fields(graph, 5))
                {
                    var (name, dataType, dims, values) = ReadTensor(tensor);
                    if (dataType == OnnxGraphBuilder.TensorFloat)
                    {
                        tensors[name] = (dims, values);
                    }
                }
            }
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new InvalidDataException($"not an ONNX model ({error.Message})", error);
        }

        return tensors;
    }

    private static (string Name, long DataType, long[] Dims, float[] Values) ReadTensor(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var name = "";
        long dataType = 0;
        var dims = new List<long>();
        var values = new List<float>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.Varint):
                    dims.Add(input.ReadInt64());
                    break;
                case (1, WireFormat.WireType.LengthDelimited):
                    dims.AddRange(PackedVarints(input.ReadBytes()));
                    break;
                case (2, _):
                    dataType = input.ReadInt64();
                    break;
                case (4, WireFormat.WireType.LengthDelimited):
                    values.AddRange(MemoryMarshal.Cast<byte, float>(input.ReadBytes().Span).ToArray());
                    break;
                case (8, _):
                    name = input.ReadString();
                    break;
                case (9, _):
                    values.AddRange(MemoryMarshal.Cast<byte, float>(input.ReadBytes().Span).ToArray());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        var expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (dataType == OnnxGraphBuilder.TensorFloat && values.Count != expected)
        {
            throw new InvalidDataException($"initializer {name}: {values.Count} values for shape [{string.Join(", ", dims)}]");
        }

        return (name, dataType, dims.ToArray(), values.ToArray());
    }

    private static IEnumerable<ByteString> Fields(ByteString message, int field)
    {
        var input = message.CreateCodedInput();
        var found = new List<ByteString>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }

    private static IEnumerable<long> PackedVarints(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var values = new List<long>();
        while (!input.IsAtEnd)
        {
            values.Add(input.ReadInt64());
        }

        return values;
    }
}

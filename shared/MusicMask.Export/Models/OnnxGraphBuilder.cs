using System.Runtime.InteropServices;

namespace MusicMask.Models;

/// <summary>
/// Writes an ONNX ModelProto (IR version 8, default-domain opset 17). Field numbers are those of onnx.proto:
/// ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public const int IrVersion = 8;
    public const int Opset = 17;
    /// <summary>TensorProto.DataType FLOAT, also what <see cref="OnnxModelReader"/> reads back.</summary>
    internal const int TensorFloat = 1;
    private const int TensorInt64 = 7;
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;
    private readonly List<ProtoMessage> _nodes = [];
    private readonly List<ProtoMessage> _initializers = [];
    private readonly List<ProtoMessage> _inputs = [];
    private readonly List<ProtoMessage> _outputs = [];
    private int _nodeCount;

    public void Input(string name, params object[] dims) => _inputs.Add(ValueInfo(name, dims));

    public void Output(string name, params object[] dims) => _outputs.Add(ValueInfo(name, dims));

    public string Initializer(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new ProtoMessage().PackedInt64(1, dims).Int64(2, TensorFloat).String(8, name)
            .Bytes(9, MemoryMarshal.AsBytes(values));
        _initializers.Add(tensor);
        return name;
    }

    public string Initializer(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var tensor = new ProtoMessage().PackedInt64(1, dims).Int64(2, TensorInt64).String(8, name)
            .Bytes(9, MemoryMarshal.AsBytes(values));
        _initializers.Add(tensor);
        return name;
    }

    /// <summary>Adds a node; attributes are ints (long) or int lists (long[]). Returns its first output's name.</summary>
    public string Node(string opType, string[] inputs, string output, params (string Name, object Value)[] attributes)
    {
        var node = new ProtoMessage();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, $"{opType.ToLowerInvariant()}_{_nodeCount++}").String(4, opType);
        foreach (var (name, value) in attributes)
        {
            var attribute = new ProtoMessage().String(1, name);
            switch (value)
            {
                case long single:
                    attribute.Int64(3, single).Int64(20, AttributeInt);
                    break;
                case long[] list:
                    attribute.PackedInt64(8, list).Int64(20, AttributeInts);
                    break;
                default:
                    throw new ArgumentException($"attribute {name}: unsupported type {value.GetType().Name}");
            }

            node.Message(5, attribute);
        }

        _nodes.Add(node);
        return output;
    }

    public byte[] Build(string graphName, string producer, IReadOnlyDictionary<string, string> metadata)
    {
        var graph = new ProtoMessage();
        _nodes.ForEach(n => graph.Message(1, n));
        graph.String(2, graphName);
        _initializers.ForEach(t => graph.Message(5, t));
        _inputs.ForEach(i => graph.Message(11, i));
        _outputs.ForEach(o => graph.Message(12, o));

        var model = new ProtoMessage().Int64(1, IrVersion).String(2, producer).Message(7, graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Int64(2, Opset));
        foreach (var (key, value) in metadata)
        {
            model.Message(14, new ProtoMessage().String(1, key).String(2, value));
        }

        return model.ToByteArray();
    }

    private static ProtoMessage ValueInfo(string name, object[] dims)
    {
        var shape = new ProtoMessage();
        foreach (var dim in dims)
        {
            var dimension = dim switch
            {
                int value => new ProtoMessage().Int64(1, value),
                long value => new ProtoMessage().Int64(1, value),
                string param => new ProtoMessage().String(2, param),
                _ => throw new ArgumentException($"dimension of {name}: {dim}"),
            };
            shape.Message(1, dimension);
        }

        var tensorType = new ProtoMessage().Int64(1, TensorFloat).Message(2, shape);
        return new ProtoMessage().String(1, name).Message(2, new ProtoMessage().Message(1, tensorType));
    }
}

kubectl get endpoints my-backend-api -n production
kubectl get pods -n production --show-labels
kubectl describe service my-backend-api -n production
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: my-backend-api
  namespace: production
spec:
  selector:
    app: my-backend
  ports:
    - name: http
      port: 80
      targetPort: 3000
EOF
kubectl get endpoints my-backend-api -n production
